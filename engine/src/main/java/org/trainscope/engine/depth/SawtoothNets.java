package org.trainscope.engine.depth;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.nn.Activation;
import org.trainscope.engine.nn.DenseLayer;
import org.trainscope.engine.nn.Network;

/**
 * The networks of lecture 002 ("Example: sawteeth function", "Example: square function", "Examples"), built from
 * their explicit weights as honest feed-forward ReLU networks: every layer sees only the previous layer's outputs,
 * so whatever a later layer needs (x, the running sum) is carried through a unit of its own.
 *
 * <p>The tent s(x) = 2r(x) − 4r(x−½) + 2r(x−1) takes three ReLU units ({@link Tent#SLIDE}). On [0, 1] every s_j
 * stays in [0, 1], so r(s_j − 1) is never active there: {@link Tent#COMPACT} drops that unit and is still exact on
 * [0, 1]. The square network adds one carry unit G_t = r(g_{t−1}), which equals g_{t−1} because g_{t−1} ≥ x² ≥ 0:
 * the slide's "width 3" counts the tent units and leaves this carry unsaid; the compact tent plus the carry is an
 * honest width 3.
 */
public final class SawtoothNets {
    /** Which ReLU units make the tent. */
    public enum Tent {
        /** s = 2r(x) − 4r(x−½) + 2r(x−1), the slide's three units (exact on all of R). */
        SLIDE(new double[] {2, -4, 2}, new double[] {0, -0.5, -1}),
        /** s = 2r(x) − 4r(x−½), two units, equal to the tent on [0, 1] (and on (−∞, 1]). */
        COMPACT(new double[] {2, -4}, new double[] {0, -0.5});

        final double[] out;   // s = Σ_u out_u·r(x + shift_u)
        final double[] shift;

        Tent(double[] out, double[] shift) {
            this.out = out;
            this.shift = shift;
        }

        /** Number of ReLU units of one tent. */
        public int units() {
            return out.length;
        }

        /** Parses {@code slide} or {@code compact}. */
        public static Tent of(String name) {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    private SawtoothNets() {
    }

    /** s_m = s∘…∘s (m times): m ReLU layers of the tent's width, then a linear read-out. */
    public static Network sawtooth(int m, Tent tent) {
        checkDepth(m);
        int w = tent.units();
        List<DenseLayer> layers = new ArrayList<>();
        layers.add(layer(column(w, 1.0), tent.shift.clone(), Activation.RELU));          // r(x + shift_u)
        for (int t = 2; t <= m; t++) {
            layers.add(layer(repeatRow(tent.out, w), tent.shift.clone(), Activation.RELU)); // r(s_{t−1} + shift_u)
        }
        layers.add(layer(new double[][] {tent.out.clone()}, new double[] {0}, Activation.IDENTITY)); // s_m
        return new Network(layers);
    }

    /**
     * g_m = x − Σ_{j=1..m} s_j/4^j (lecture 002, "Example: square function"): the tent units plus one carry unit
     * G_t = r(g_{t−1}); the read-out is g_m = G_m − s_m/4^m.
     */
    public static Network square(int m, Tent tent) {
        checkDepth(m);
        List<DenseLayer> layers = new ArrayList<>();
        layers.add(layer(column(tent.units() + 1, 1.0), withCarry(tent.shift, 0), Activation.RELU)); // (r(x+shift), r(x) = g_0)
        for (int t = 2; t <= m; t++) {
            layers.add(layer(squareRows(tent, t - 1), withCarry(tent.shift, 0), Activation.RELU));
        }
        layers.add(layer(new double[][] {carryRow(tent, m)}, new double[] {0}, Activation.IDENTITY));
        return new Network(layers);
    }

    /**
     * x² on [−1, 1] as g_m(|x|) with |x| = r(x) + r(−x) (lecture 002, "Examples: Square on [−1, 1]"): one extra
     * ReLU layer of width 2 in front of {@link #square}; the sum r(x) + r(−x) is folded into the next layer's weights.
     */
    public static Network squareOnSymmetric(int m, Tent tent) {
        Network g = square(m, tent);
        List<DenseLayer> layers = new ArrayList<>();
        layers.add(layer(new double[][] {{1}, {-1}}, new double[] {0, 0}, Activation.RELU));  // r(x), r(−x)
        DenseLayer first = g.layers().get(0);
        double[][] w = new double[first.fanOut()][2];
        for (int u = 0; u < w.length; u++) {
            double wu = first.weights().getDouble(u, 0);
            w[u][0] = wu;                                                                       // W₁·|x| = W₁·(r(x) + r(−x))
            w[u][1] = wu;
        }
        layers.add(layer(w, first.bias().toDoubleVector(), Activation.RELU));
        layers.addAll(g.layers().subList(1, g.layers().size()));
        return new Network(layers);
    }

    /**
     * xy = ((x+y)² − (x−y)²)/4 = p² − q² with p = (x+y)/2, q = (x−y)/2 ∈ [−1, 1] for x, y ∈ [−1, 1] (lecture 002,
     * "Examples: Product"): a first layer r(±p), r(±q), then two copies of the square network side by side
     * (block-diagonal weights), read out as g_m(|p|) − g_m(|q|). Input (x, y), 2×B.
     */
    public static Network product(int m, Tent tent) {
        Network sq = squareOnSymmetric(m, tent);
        List<DenseLayer> layers = new ArrayList<>();
        layers.add(layer(new double[][] {{0.5, 0.5}, {-0.5, -0.5}, {0.5, -0.5}, {-0.5, 0.5}}, new double[4], Activation.RELU));
        List<DenseLayer> rest = sq.layers().subList(1, sq.layers().size());
        for (int t = 0; t < rest.size(); t++) {
            DenseLayer l = rest.get(t);
            double[][] w = l.weights().toDoubleMatrix();
            double[] b = l.bias().toDoubleVector();
            boolean last = t == rest.size() - 1;
            int out = last ? 1 : 2 * l.fanOut();
            double[][] big = new double[out][2 * l.fanIn()];
            double[] bigBias = new double[out];
            for (int u = 0; u < l.fanOut(); u++) {
                for (int v = 0; v < l.fanIn(); v++) {
                    if (last) {
                        big[0][v] = w[u][v];                                  // + g_m(|p|)
                        big[0][l.fanIn() + v] = -w[u][v];                     // − g_m(|q|)
                    } else {
                        big[u][v] = w[u][v];                                  // block diag(W, W)
                        big[l.fanOut() + u][l.fanIn() + v] = w[u][v];
                    }
                }
                if (!last) {
                    bigBias[u] = b[u];
                    bigBias[l.fanOut() + u] = b[u];
                }
            }
            layers.add(layer(big, bigBias, l.activation()));
        }
        return new Network(layers);
    }

    /** The widest hidden layer of a network. */
    public static int width(Network net) {
        int w = 0;
        for (int t = 0; t < net.layers().size() - 1; t++) {
            w = Math.max(w, net.layers().get(t).fanOut());
        }
        return w;
    }

    /** Rows of layer t+1 of the square network: the tent of s_t, and the carry r(G_t − s_t/4^t). */
    private static double[][] squareRows(Tent tent, int t) {
        int w = tent.units();
        double[][] rows = new double[w + 1][w + 1];
        for (int u = 0; u < w; u++) {
            System.arraycopy(tent.out, 0, rows[u], 0, w);                    // s_t = Σ out_v·a_v (carry weight 0)
        }
        rows[w] = carryRow(tent, t);
        return rows;
    }

    /** g_t = G_t − s_t/4^t as a row over (tent units, carry). */
    private static double[] carryRow(Tent tent, int t) {
        int w = tent.units();
        double[] row = new double[w + 1];
        double scale = Math.scalb(1.0, -2 * t);                              // 1/4^t, exact
        for (int v = 0; v < w; v++) {
            row[v] = -tent.out[v] * scale;
        }
        row[w] = 1.0;
        return row;
    }

    private static double[] withCarry(double[] shift, double carryBias) {
        double[] b = java.util.Arrays.copyOf(shift, shift.length + 1);
        b[shift.length] = carryBias;
        return b;
    }

    private static double[][] column(int rows, double v) {
        double[][] w = new double[rows][1];
        for (double[] r : w) {
            r[0] = v;
        }
        return w;
    }

    private static double[][] repeatRow(double[] row, int rows) {
        double[][] w = new double[rows][];
        for (int u = 0; u < rows; u++) {
            w[u] = row.clone();
        }
        return w;
    }

    static DenseLayer layer(double[][] w, double[] b, Activation activation) {
        INDArray weights = Nd4j.createFromArray(w).dup('c');
        return new DenseLayer(weights, Nd4j.createFromArray(b.clone()), activation);
    }

    private static void checkDepth(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("depth m must be ≥ 1, got " + m);
        }
    }
}
