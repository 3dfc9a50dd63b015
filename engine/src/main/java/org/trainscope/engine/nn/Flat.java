package org.trainscope.engine.nn;

import java.util.List;

import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between a list of ND4J arrays and {@code double[][]} (one {@code double[]} per array, 'c' order, i.e.
 * row-major: entry (i, j) of an m×n array at index i·n + j), the storage the plain-Java optimizers work on.
 *
 * <p><b>Cost.</b> For a dense DOUBLE 'c'-order array that is not a view (every {@link DenseLayer} parameter and
 * gradient) a copy is one {@code memcpy} through the array's native {@link DoublePointer}, with no ND4J op launched:
 * measured here, ≈1 µs to read or to write all six arrays of a 2-64-64-1 network (4,417 parameters), against
 * 10–40 µs for a single ND4J op and ≈1 ms for its forward + backward on a batch of 32. Any other array (a view,
 * 'f' order, another data type) goes through a 'c'-order DOUBLE copy first — one or two ND4J ops — and stays correct.
 */
public final class Flat {
    private Flat() {
    }

    /** New {@code double[]}s holding the arrays' entries in 'c' order. */
    public static double[][] toArrays(List<INDArray> arrays) {
        double[][] out = new double[arrays.size()][];
        for (int p = 0; p < out.length; p++) {
            out[p] = new double[Math.toIntExact(arrays.get(p).length())];
        }
        copy(arrays, out);
        return out;
    }

    /** Copies each array's entries, in 'c' order, into {@code target[p]}, which must have the array's length. */
    public static void copy(List<INDArray> source, double[][] target) {
        checkSizes(source, target);
        for (int p = 0; p < target.length; p++) {
            INDArray a = source.get(p);
            INDArray dense = isDense(a) ? a : a.castTo(DataType.DOUBLE).dup('c');
            pointer(dense).get(target[p], 0, target[p].length);
        }
    }

    /** Writes {@code source[p]}, read in 'c' order, into each array in place. */
    public static void copy(double[][] source, List<INDArray> target) {
        checkSizes(target, source);
        for (int p = 0; p < source.length; p++) {
            INDArray a = target.get(p);
            if (isDense(a)) {
                pointer(a).put(source[p], 0, source[p].length);
            } else {
                a.assign(Nd4j.create(source[p], a.shape(), 'c'));
            }
        }
    }

    /**
     * True if the array is DOUBLE and owns its whole buffer in 'c' order from offset 0, so that its native buffer
     * is exactly its entries in row-major order.
     */
    public static boolean isDense(INDArray a) {
        return a.dataType() == DataType.DOUBLE && !a.isView() && a.offset() == 0
                && a.data().length() == a.length()
                && (a.ordering() == 'c' || a.rank() <= 1 || a.isVector())
                && (a.length() == 1 || Shape.hasDefaultStridesForShape(a));   // ND4J gives a 1×1 matrix odd strides
    }

    private static DoublePointer pointer(INDArray dense) {
        DoublePointer pointer = (DoublePointer) dense.data().pointer();
        if (pointer.position() != 0) {
            pointer = new DoublePointer(pointer).position(0);
        }
        return pointer;
    }

    private static void checkSizes(List<INDArray> arrays, double[][] flat) {
        if (arrays.size() != flat.length) {
            throw new IllegalArgumentException(arrays.size() + " arrays but " + flat.length + " double[]s");
        }
        for (int p = 0; p < flat.length; p++) {
            if (arrays.get(p).length() != flat[p].length) {
                throw new IllegalArgumentException("array " + p + " has " + arrays.get(p).length()
                        + " entries but double[] " + p + " has " + flat[p].length);
            }
        }
    }
}
