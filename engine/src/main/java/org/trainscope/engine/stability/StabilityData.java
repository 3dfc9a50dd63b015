package org.trainscope.engine.stability;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.engine.data.Dataset;
import org.trainscope.engine.data.Digits;
import org.trainscope.engine.data.Idx;
import org.trainscope.engine.data.Synthetic;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Rng;

/** The data the noise-stability net (and compression's two nets) learn: its {@code data} param's choices. */
final class StabilityData {
    /** The choices of {@code data}: the shipped digits, the user's IDX files, then the synthetic 2-D sets. */
    static final List<String> NAMES = names();

    private StabilityData() {
    }

    /** The chosen data: the shipped digits, a synthetic 2-D set, or the user's IDX files (e.g. MNIST). */
    static Dataset load(NoiseStabilityExperiment.Config c) {
        String data = c.data();
        if (data.equals("digits")) {
            return Digits.load();
        }
        if (!data.equals("idx")) {
            return Synthetic.of(data, c.points(), c.noise(), new Rng(c.splitSeed()));
        }
        if (c.idxImages().isEmpty()) {
            throw new ParamException("idx_images", "idx_images: data=idx needs the path of the IDX images file (e.g. train-images-idx3-ubyte.gz)");
        }
        if (c.idxLabels().isEmpty()) {
            throw new ParamException("idx_labels", "idx_labels: data=idx needs the path of the IDX labels file (e.g. train-labels-idx1-ubyte.gz)");
        }
        try {
            return Idx.read(java.nio.file.Path.of(c.idxImages()), java.nio.file.Path.of(c.idxLabels()));
        } catch (java.io.IOException e) {
            throw new ParamException("idx_images", "idx_images: the IDX files are refused (data = idx): " + e.getMessage());
        }
    }

    private static List<String> names() {
        List<String> out = new ArrayList<>(List.of("digits", "idx"));
        out.addAll(Synthetic.NAMES);
        return List.copyOf(out);
    }
}
