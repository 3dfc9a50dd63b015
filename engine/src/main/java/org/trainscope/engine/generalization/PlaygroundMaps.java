package org.trainscope.engine.generalization;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.trainscope.engine.nn.DenseLayer;
import org.trainscope.engine.nn.Network;

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

    /** The maps of the net of {@code shape} with parameters θ. */
    public static PlaygroundMaps of(PlaygroundNet shape, double[] theta, boolean crossEntropy, int res) {
        double[] xy = new double[2 * res * res];
        for (int r = 0; r < res; r++) {
            for (int c = 0; c < res; c++) {
                int cell = r * res + c;
                xy[2 * cell] = coordinate(c, res);                        // x₁ grows to the right
                xy[2 * cell + 1] = -coordinate(r, res);                   // x₂ grows upwards
            }
        }
        INDArray in = shape.inputs(xy);
        Network net = shape.network(theta);
        Network.Forward fw = net.forward(in);
        int cells = res * res;
        List<double[]> inputs = new ArrayList<>();
        for (int j = 0; j < in.rows(); j++) {
            inputs.add(in.getRow(j).toDoubleVector());
        }
        List<double[][]> units = new ArrayList<>();
        List<DenseLayer.Cache> caches = fw.caches();
        for (int t = 0; t < caches.size() - 1; t++) {
            INDArray o = caches.get(t).output();
            double[][] layer = new double[(int) o.rows()][];
            for (int i = 0; i < layer.length; i++) {
                layer[i] = o.getRow(i).toDoubleVector();
            }
            units.add(layer);
        }
        double[][] scores = fw.output().toDoubleMatrix();
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
        return new PlaygroundMaps(res, predicted, confidence, inputs, units, scores);
    }

    /** The centre of cell i of n along [−6, 6]. */
    public static double coordinate(int i, int n) {
        return -PlaygroundData.EXTENT + (i + 0.5) * 2 * PlaygroundData.EXTENT / n;
    }
}
