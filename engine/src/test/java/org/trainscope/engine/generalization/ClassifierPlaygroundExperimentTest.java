package org.trainscope.engine.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;

/** Lecture 003's "Example": one layer draws a line; features or depth are what bend it. */
class ClassifierPlaygroundExperimentTest {
    private static Frame train(Params p, int frames) {
        Experiment e = ClassifierPlaygroundExperiment.TYPE.create(p, 7);
        Frame f = e.frame();
        for (int s = 0; s < frames; s++) {
            f = e.step();
        }
        return f;
    }

    private static Params circles() {
        return ClassifierPlaygroundExperiment.TYPE.defaults().with("data", "circles").with("hidden", "")
                .with("points", "200").with("noise", "0.05").with("every", "10").with("lr", "0.05");
    }

    /**
     * Circles: class 0 within radius 0.4·5 = 2, class 1 between 3.5 and 5 (noise 0.05·5 = 0.25). Without hidden units
     * the net is a linear softmax classifier of (x₁, x₂): its boundary is a line, and a line leaves at least one of the
     * two classes mostly on the wrong side or splits the ring — no line does better than about 3/4 here (the centre
     * and the part of the ring on its side), so 0.8 is a bound no training can pass. With x₁², x₂² the boundary
     * x₁² + x₂² = r² is a line in the features, and the margin (radii 2 vs 3.5, σ = 0.25) leaves essentially no
     * point on the wrong side: ≥ 0.97.
     */
    @Test
    void noHiddenLayerCannotSeparateCirclesButSquaredFeaturesCan() {
        Frame raw = train(circles(), 80);
        assertTrue(raw.scalar(ClassifierPlaygroundExperiment.TEST_ACC) < 0.8,
                "a line cannot separate circles: " + raw.scalar(ClassifierPlaygroundExperiment.TEST_ACC));
        Frame squares = train(circles().with("features", "x1,x2,x1sq,x2sq"), 80);
        assertTrue(squares.scalar(ClassifierPlaygroundExperiment.TEST_ACC) >= 0.97,
                "x₁² + x₂² = r² separates them: " + squares.scalar(ClassifierPlaygroundExperiment.TEST_ACC));
    }

    /** The confusion matrix counts every test point once, and its diagonal is the test accuracy. */
    @Test
    void confusionMatrixAgreesWithTheAccuracy() {
        Params p = ClassifierPlaygroundExperiment.TYPE.defaults().with("data", "blobs").with("classes", "4");
        Frame f = train(p, 5);
        double[] m = f.series(ClassifierPlaygroundExperiment.CONFUSION);
        assertEquals(16, m.length);
        double total = 0;
        double diagonal = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                total += m[i * 4 + j];
                diagonal += i == j ? m[i * 4 + j] : 0;
            }
        }
        assertEquals(150, total, "half of 300 points are test points");
        assertEquals(f.scalar(ClassifierPlaygroundExperiment.TEST_ACC), diagonal / total, 1e-15);
    }

    /** Drawn points are training points, with their labels, and may bring a new class. */
    @Test
    void drawnPointsJoinTheTrainingSet() {
        Params p = ClassifierPlaygroundExperiment.TYPE.defaults().with("data", "xor").with("drawn", "1.5,-2,2,0,0,1");
        PlaygroundData d = ClassifierPlaygroundExperiment.Config.of(p).data(3);
        int n = d.trainY().length;
        assertEquals(3, d.classes(), "label 2 adds a class");
        assertEquals(1.5, d.trainX()[2 * (n - 2)]);
        assertEquals(-2, d.trainX()[2 * (n - 2) + 1]);
        assertEquals(2, d.trainY()[n - 2]);
        assertEquals(1, d.trainY()[n - 1]);
        ParamException bad = assertThrows(ParamException.class, () -> ClassifierPlaygroundExperiment.Config.of(
                ClassifierPlaygroundExperiment.TYPE.defaults().with("drawn", "1,2")));
        assertEquals("drawn", bad.param());
        assertThrows(ParamException.class, () -> ClassifierPlaygroundExperiment.TYPE.defaults().with("hidden", "4,17"));
        assertThrows(ParamException.class, () -> ClassifierPlaygroundExperiment.TYPE.defaults().with("hidden", "1,1,1,1,1,1,1"));
    }

    /** The maps are the net's own decisions: at the training points their class matches the frame's accuracy. */
    @Test
    void decisionMapPredictsLikeTheNet() {
        Params p = ClassifierPlaygroundExperiment.TYPE.defaults().with("data", "moons");
        Frame f = train(p, 3);
        ClassifierPlaygroundExperiment.Config c = ClassifierPlaygroundExperiment.Config.of(p);
        PlaygroundMaps maps = PlaygroundMaps.of(c.net(2), f.series(ClassifierPlaygroundExperiment.THETA), true, 32);
        assertEquals(32 * 32, maps.predicted().length);
        assertEquals(3, maps.units().size(), "three hidden layers");
        assertEquals(8, maps.units().get(0).length);
        for (double conf : maps.confidence()) {
            assertTrue(conf >= 0.5 && conf <= 1, "the argmax of two classes has probability ≥ ½");
        }
    }

    /** A CSV of x1,x2,label rows (as the CLI passes with --set data=file --set file=…) is the data, split as any set. */
    @Test
    void csvFileIsTheData(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("points.csv");
        StringBuilder rows = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 20; i++) {
            rows.append(i % 5 - 2).append(',').append(i / 5 - 2).append(',').append(i % 3).append('\n');
        }
        java.nio.file.Files.writeString(csv, rows);
        Params p = ClassifierPlaygroundExperiment.TYPE.defaults().with("data", "file").with("file", csv.toString());
        PlaygroundData d = ClassifierPlaygroundExperiment.Config.of(p).data(0);
        assertEquals(3, d.classes(), "labels 0, 1, 2");
        assertEquals(20, d.trainY().length + d.testY().length);
        assertEquals(10, d.testY().length, "half are test points");
        ParamException none = assertThrows(ParamException.class,
                () -> ClassifierPlaygroundExperiment.TYPE.create(ClassifierPlaygroundExperiment.TYPE.defaults().with("data", "file"), 0));
        assertEquals("file", none.param());
    }

    /** Drawn points and widths survive a save and load: params written as text read back equal (empty lists too). */
    @Test
    void listParamsRoundTripAsText() {
        Params p = ClassifierPlaygroundExperiment.TYPE.defaults().with("drawn", "1.5,-2,1, -0.25,3,0").with("hidden", "");
        assertEquals("1.5,-2,1,-0.25,3,0", p.text("drawn"));
        assertEquals("", p.text("hidden"));
        assertEquals(p, ClassifierPlaygroundExperiment.TYPE.defaults().withAll(p.asText()));
        ParamException fraction = assertThrows(ParamException.class,
                () -> ClassifierPlaygroundExperiment.TYPE.defaults().with("hidden", "4,2.5"));
        assertTrue(fraction.getMessage().contains("whole number"), fraction.getMessage());
    }

    @Test
    void sameSeedSameFrames() {
        Params p = ClassifierPlaygroundExperiment.TYPE.defaults().with("loss", "squared").with("penalty", "l1")
                .with("act2", "relu").with("optimizer", "momentum");
        Experiment a = ClassifierPlaygroundExperiment.TYPE.create(p, 2);
        Experiment b = ClassifierPlaygroundExperiment.TYPE.create(p, 2);
        for (int s = 0; s < 3; s++) {
            assertEquals(a.step(), b.step());
        }
    }
}
