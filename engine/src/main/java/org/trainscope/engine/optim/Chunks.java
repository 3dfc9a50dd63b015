package org.trainscope.engine.optim;

import java.util.List;

/**
 * A walk over several vectors of one layout in aligned {@code double[]} chunks, for the elementwise parts of a rule
 * (AdaGrad, RMSprop, Adam, the flow's error estimate): the rule's loop is plain Java over arrays, whatever the
 * storage, with no per-element native call. A heap part is handed over in place, whole; a native part is copied into
 * preallocated arrays {@value #CHUNK} elements at a time (FLOAT widened, exactly, so the formula runs in DOUBLE) and
 * written back (rounded to FLOAT) when the walk moves on. No allocation per walk. Walk to the end:
 * <pre>
 *   for (Chunks c = chunks.start(); c.next(); ) {
 *       double[] x = c.array(0), g = c.array(1);
 *       for (int i = c.from(); i &lt; c.to(); i++) { … x[i], g[i] … }
 *   }
 * </pre>
 */
final class Chunks {
    static final int CHUNK = 2048;

    private final Vector[][] parts;   // [part][operand]
    private final double[][] scratch; // [operand]: the copy of a native chunk
    private final double[][] arrays;  // [operand]: the arrays of the current chunk
    private int part;
    private int offset;               // where the next chunk of the current part starts
    private int from;
    private int to;
    private int copiedAt = -1;        // the start of the native chunk to write back, or −1

    /** A walk over {@code operands}, which must all have the layout of the first. */
    Chunks(Vector... operands) {
        List<Vector> first = operands[0].parts();
        this.parts = new Vector[first.size()][operands.length];
        int longest = 0;
        for (int k = 0; k < operands.length; k++) {
            if (!operands[k].sameLayout(operands[0])) {
                throw operands[0].layoutMismatch(operands[k]);
            }
            List<Vector> ps = operands[k].parts();
            for (int p = 0; p < ps.size(); p++) {
                parts[p][k] = ps.get(p);
                if (ps.get(p) instanceof NativeVector) {
                    longest = Math.max(longest, Math.min(CHUNK, ps.get(p).length()));
                }
            }
        }
        this.scratch = new double[operands.length][longest];
        this.arrays = new double[operands.length][];
        this.part = parts.length;
    }

    /** Rewinds to the first element; then call {@link #next()} until it returns false. */
    Chunks start() {
        flush();
        part = 0;
        offset = 0;
        return this;
    }

    /** Writes back the previous chunk, if copied, and moves to the next; false when the walk is over. */
    boolean next() {
        flush();
        for (; part < parts.length; part++, offset = 0) {
            Vector[] ops = parts[part];
            int n = ops[0].length();
            if (offset >= n) {
                continue;
            }
            if (ops[0] instanceof HeapVector) {
                for (int k = 0; k < ops.length; k++) {
                    arrays[k] = ((HeapVector) ops[k]).a;
                    ops[k].written();   // handed over for writing in place
                }
                from = 0;
                to = n;
            } else {
                int len = Math.min(CHUNK, n - offset);
                for (int k = 0; k < ops.length; k++) {
                    ((NativeVector) ops[k]).read(offset, scratch[k], len);
                    arrays[k] = scratch[k];
                }
                copiedAt = offset;
                from = 0;
                to = len;
            }
            offset += to;
            return true;
        }
        return false;
    }

    /** The current chunk of operand k: valid at indices {@link #from()} … {@link #to()}−1. */
    double[] array(int k) {
        return arrays[k];
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    private void flush() {
        if (copiedAt < 0) {
            return;
        }
        Vector[] ops = parts[part];
        for (int k = 0; k < ops.length; k++) {
            ((NativeVector) ops[k]).write(copiedAt, scratch[k], to);
        }
        copiedAt = -1;
    }
}
