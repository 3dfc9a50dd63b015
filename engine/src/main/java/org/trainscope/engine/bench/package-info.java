/**
 * What {@code bench} times beyond each experiment's steps/second: {@link org.trainscope.engine.bench.BenchWorkload}s
 * offered by experiment families, and {@link org.trainscope.engine.bench.PeerResults}, the NumPy/PyTorch reference
 * results they are compared with. Benchmarks are never tests.
 */
package org.trainscope.engine.bench;
