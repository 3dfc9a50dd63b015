package org.trainscope.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FlatTest {

    @Test
    void readsInRowMajorOrder() {
        INDArray m = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray v = Nd4j.createFromArray(new double[] {7, 8});
        assertTrue(Flat.isDense(m) && Flat.isDense(v));
        double[][] flat = Flat.toArrays(List.of(m, v));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, flat[0], 0.0);   // entry (i, j) at i·n + j
        assertArrayEquals(new double[] {7, 8}, flat[1], 0.0);
    }

    @Test
    void writesInPlaceAndRoundTrips() {
        INDArray m = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        INDArray v = Nd4j.zeros(DataType.DOUBLE, 2);
        Flat.copy(new double[][] {{1, 2, 3, 4, 5, 6}, {7, 8}}, List.of(m, v));
        assertEquals(2.0, m.getDouble(0, 1), 0.0);
        assertEquals(4.0, m.getDouble(1, 0), 0.0);
        assertEquals(8.0, v.getDouble(1), 0.0);
        assertEquals(21.0, m.sumNumber().doubleValue(), 0.0);   // a native op sees the new values too
        double[][] back = new double[][] {new double[6], new double[2]};
        Flat.copy(List.of(m, v), back);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, back[0], 0.0);
        assertArrayEquals(new double[] {7, 8}, back[1], 0.0);
    }

    @Test
    void writingParametersChangesTheNetwork() {
        Network net = Network.of(new int[] {2, 3, 1}, Activation.TANH, Activation.IDENTITY,
                Init.uniform(new Random(5)::nextDouble));
        for (INDArray p : net.parameters()) {
            assertTrue(Flat.isDense(p), "parameters take the fast path");
        }
        double[][] theta = Flat.toArrays(net.parameters());
        for (double[] t : theta) {
            java.util.Arrays.fill(t, 0.0);
        }
        theta[3][0] = 0.75;                                       // b2
        Flat.copy(theta, net.parameters());
        INDArray out = net.forward(Nd4j.createFromArray(new double[][] {{1, -2}, {3, 4}})).output();
        assertArrayEquals(new double[] {0.75, 0.75}, GradCheck.flat(out), 0.0);
    }

    @Test
    void handlesOrderFViewsAndFloat() {
        INDArray f = Nd4j.create(DataType.DOUBLE, new long[] {2, 3}, 'f');
        f.assign(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertFalse(Flat.isDense(f));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Flat.toArrays(List.of(f))[0], 0.0);

        INDArray big = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray row = big.getRow(1);
        assertFalse(Flat.isDense(row));
        assertArrayEquals(new double[] {4, 5, 6}, Flat.toArrays(List.of(row))[0], 0.0);
        Flat.copy(new double[][] {{-4, -5, -6}}, List.of(row));
        assertArrayEquals(new double[] {1, 2, 3, -4, -5, -6}, GradCheck.flat(big), 0.0);   // written through the view

        Flat.copy(new double[][] {{9, 8, 7, 6, 5, 4}}, List.of(f));
        assertEquals(8.0, f.getDouble(0, 1), 0.0);
        assertEquals(6.0, f.getDouble(1, 0), 0.0);

        INDArray single = Nd4j.createFromArray(new float[] {1.5f, 2.5f});
        assertFalse(Flat.isDense(single));
        assertArrayEquals(new double[] {1.5, 2.5}, Flat.toArrays(List.of(single))[0], 0.0);
    }

    @Test
    void rejectsMismatchedSizes() {
        INDArray m = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> Flat.copy(new double[][] {{1, 2}}, List.of(m)));
        assertThrows(IllegalArgumentException.class, () -> Flat.copy(List.of(m), new double[][] {}));
    }
}
