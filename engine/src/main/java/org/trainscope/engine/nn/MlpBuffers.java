package org.trainscope.engine.nn;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.FloatPointer;

/**
 * Where the numbers of an {@link Mlp} live: every native FLOAT buffer, allocated once and zeroed, with its address
 * for {@link org.trainscope.engine.linalg.Blas} and a {@link FloatBuffer} view for element loops. θ and ∇L are one
 * vector each, A_t (row-major) and b_t slices of it, so an optimizer updates all parameters with a few BLAS calls;
 * the layers' outputs, linear parts and deltas hold up to {@code capacity} examples, one per column. The
 * second half-batch's gradient has a vector of its own (grad2), summed into ∇L after both halves.
 */
final class MlpBuffers {
    private static final int F = Float.BYTES;

    final int count;                 // P, the number of parameters
    final FloatPointer[] memory;     // owns every native buffer below (kept reachable)
    final long theta;                // θ = (A_1, b_1, A_2, b_2, …) as one vector of P floats
    final long grad;                 // ∇L, the same layout
    final long grad2;                // the second half's part of ∇L, the same layout
    final long ones;                 // (1, …, 1), capacity floats: ∇b_t = δ_t·1
    final long[] weights;            // addresses of A_t inside θ
    final long[] biases;             // addresses of b_t inside θ
    final long[][] weightGrads;      // [half][t]: ∂L/∂A_t inside grad (half 0) or grad2 (half 1)
    final long[][] biasGrads;        // [half][t]: ∂L/∂b_t likewise
    final long[] outputs;            // o_0 = x, o_t = ReLU(z_t) (t < D), o_D = z_D (logits)
    final long[] linears;            // A_t·o_{t−1} (without the bias), d_t × B: only on request
    final long[] deltas;             // δ_t = dL/dz_t, d_t × B
    final FloatBuffer[] w;           // views of A_t, b_t, ∇A_t, ∇b_t, o_t, the linear parts and δ_t
    final FloatBuffer[] b;
    final FloatBuffer[] gw;
    final FloatBuffer[] gb;
    final FloatBuffer[] o;
    final FloatBuffer[] lin;
    final FloatBuffer[] d;

    MlpBuffers(int[] sizes, int capacity) {
        int depth = sizes.length - 1;
        int n = depth + 1;
        int p = 0;
        for (int t = 1; t <= depth; t++) {
            p += sizes[t] * sizes[t - 1] + sizes[t];
        }
        this.count = p;
        memory = new FloatPointer[4 + 3 * n];
        FloatBuffer thetaAll = zeros(0, count);
        FloatBuffer gradAll = zeros(1, count);
        zeros(2, count);
        FloatBuffer onesAll = zeros(3, capacity);
        for (int k = 0; k < capacity; k++) {
            onesAll.put(k, 1f);
        }
        theta = address(0);
        grad = address(1);
        grad2 = address(2);
        ones = address(3);
        weights = new long[n];
        biases = new long[n];
        weightGrads = new long[2][n];
        biasGrads = new long[2][n];
        outputs = new long[n];
        linears = new long[n];
        deltas = new long[n];
        w = new FloatBuffer[n];
        b = new FloatBuffer[n];
        gw = new FloatBuffer[n];
        gb = new FloatBuffer[n];
        o = new FloatBuffer[n];
        lin = new FloatBuffer[n];
        d = new FloatBuffer[n];
        o[0] = zeros(4, (long) sizes[0] * capacity);
        outputs[0] = address(4);
        int off = 0;
        for (int t = 1; t <= depth; t++) {
            int matrix = sizes[t] * sizes[t - 1];
            w[t] = slice(thetaAll, off, matrix);
            gw[t] = slice(gradAll, off, matrix);
            weights[t] = theta + (long) F * off;
            weightGrads[0][t] = grad + (long) F * off;
            weightGrads[1][t] = grad2 + (long) F * off;
            off += matrix;
            b[t] = slice(thetaAll, off, sizes[t]);
            biases[t] = theta + (long) F * off;
            gb[t] = slice(gradAll, off, sizes[t]);
            biasGrads[0][t] = grad + (long) F * off;
            biasGrads[1][t] = grad2 + (long) F * off;
            off += sizes[t];
            o[t] = zeros(3 + 3 * t + 1, (long) sizes[t] * capacity);
            outputs[t] = address(3 + 3 * t + 1);
            lin[t] = zeros(3 + 3 * t + 2, (long) sizes[t] * capacity);
            linears[t] = address(3 + 3 * t + 2);
            d[t] = zeros(3 + 3 * t + 3, (long) sizes[t] * capacity);
            deltas[t] = address(3 + 3 * t + 3);
        }
    }

    private FloatBuffer zeros(int slot, long n) {
        FloatPointer p = new FloatPointer(n);
        p.fill(0);
        memory[slot] = p;
        return p.asByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static FloatBuffer slice(FloatBuffer all, int off, int len) {
        return all.duplicate().position(off).limit(off + len).slice();
    }

    private long address(int slot) {
        return memory[slot].address();
    }
}
