package org.trainscope.engine.generalization;

import java.util.Arrays;
import java.util.List;

/**
 * What the playground's net computes over the square [−6, 6]², on a res × res grid (row 0 at the top, x₂ = +6): the
 * predicted class and its confidence at every cell, and every input feature's and hidden unit's value. A pure function
 * of θ, so a view can draw any recorded frame without the experiment.
 *
 * @param res        cells per side
 * @param predicted  argmax class per cell, row-major
 * @param confidence softmax probability of that class (cross-entropy), or its score clipped to [0, 1] (squared)
 * @param inputs     each input feature's value per cell
 * @param units      units.get(t − 1)[i] = hidden unit i of layer t, per cell
 * @param scores     the output score ŷ_c of each class c, per cell
 */
public record PlaygroundMaps(int res, int[] predicted, double[] confidence, List<double[]> inputs,
                             List<double[][]> units, double[][] scores) {

    /** Grid cells per tile of the forward pass: every layer's slice of a tile stays in the L2 cache. */
    private static final int TILE = 256;

    /** The maps of the net of {@code shape} with parameters θ. */
    public static PlaygroundMaps of(PlaygroundNet shape, double[] theta, boolean crossEntropy, int res) {
        int cells = res * res;
        double[] xy = new double[2 * cells];
        for (int r = 0; r < res; r++) {
            for (int c = 0; c < res; c++) {
                int cell = r * res + c;
                xy[2 * cell] = coordinate(c, res);                        // x₁ grows to the right
                xy[2 * cell + 1] = -coordinate(r, res);                   // x₂ grows upwards
            }
        }
        SmallMlp net = shape.mlp();
        double[][][] o = net.buffers(cells);
        o[0] = shape.inputs(xy);
        for (int from = 0; from < cells; from += TILE) {
            net.forward(theta, o, from, Math.min(cells, from + TILE));
        }
        double[][] scores = o[net.depth()];
        int k = scores.length;
        int[] predicted = new int[cells];
        double[] confidence = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            int arg = 0;
            for (int c = 1; c < k; c++) {
                if (scores[c][cell] > scores[arg][cell]) {
                    arg = c;
                }
            }
            predicted[cell] = arg;
            if (crossEntropy) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(scores[c][cell] - scores[arg][cell]);
                }
                confidence[cell] = 1 / sum;                                  // softmax(ŷ)[argmax]
            } else {
                confidence[cell] = Math.max(0, Math.min(1, scores[arg][cell]));
            }
        }
        return new PlaygroundMaps(res, predicted, confidence, List.copyOf(Arrays.asList(o[0])),
                List.copyOf(Arrays.asList(o).subList(1, net.depth())), scores);
    }

    /** The centre of cell i of n along [−6, 6]. */
    public static double coordinate(int i, int n) {
        return -PlaygroundData.EXTENT + (i + 0.5) * 2 * PlaygroundData.EXTENT / n;
    }
}
