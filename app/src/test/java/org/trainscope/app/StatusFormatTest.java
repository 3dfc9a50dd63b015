package org.trainscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.microscope.ActivationsExperiment;
import org.trainscope.app.view.StatusFormat;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.spectrum.DepthComparisonExperiment;
import org.trainscope.engine.stability.NoiseStabilityExperiment;

/** The status line of each experiment: every number with its label, in the units of the charts beside it. */
class StatusFormatTest {
    /** The items' texts, with the padding that keeps their width collapsed to one space. */
    private static List<String> texts(ExperimentDef type, Frame frame) {
        return ExperimentViews.status(type).items(frame).stream().map(i -> i.text().trim().replaceAll("\\s+", " "))
                .toList();
    }

    @Test
    void theLandscapeNamesEachRacerAndSaysWhichDiverged() {
        Frame f = Frame.builder(12).scalar("gd.loss", 0.4981).scalar("gd.diverged", 0)
                .scalar("momentum.loss", 2.03e307).scalar("momentum.diverged", 1).scalar("lr", 0.01).build();
        assertEquals(List.of("gd loss 0.498", "momentum diverged", "lr 0.0100"), texts(LandscapeExperiment.TYPE, f));
        List<StatusFormat.Item> items = ExperimentViews.status(LandscapeExperiment.TYPE).items(f);
        assertFalse(items.get(0).alert());
        assertTrue(items.get(1).alert(), "a diverged racer is a warning, not a number");
    }

    @Test
    void noiseStabilityShowsAccuraciesAsPercentages() {
        Frame f = Frame.builder(200).scalar("batch.loss", 0.0856).scalar("train.acc", 0.921).scalar("test.loss", 0.0785)
                .scalar("test.acc", 0.86).build();
        assertEquals(List.of("train acc 92.1 %", "test acc 86.0 %", "batch loss 0.0856"),
                texts(NoiseStabilityExperiment.TYPE, f));
    }

    @Test
    void depthComparisonShowsTheTestErrorOfTheChart() {
        Frame f = Frame.builder(3).scalar("depth1.loss", 0.326).scalar("depth1.test_error", 1.0)
                .scalar("depth3.loss", 0.01).scalar("depth3.test_error", 0.0123).build();
        assertEquals(List.of("depth 1 test error 1.000", "depth 3 test error 0.012"),
                texts(DepthComparisonExperiment.TYPE, f));
    }

    @Test
    void activationsInCompareModeNamesEachNet() {
        Frame.Builder b = Frame.builder(5);
        for (String act : List.of("sigmoid", "tanh", "relu")) {
            b.scalar(act + ".loss", 0.25).scalar(act + ".grad_ratio", 2);
        }
        assertEquals(List.of("sigmoid loss 0.250", "tanh loss 0.250", "relu loss 0.250", "sigmoid ‖∇W_1‖/‖∇W_last‖ 2.00",
                "tanh ‖∇W_1‖/‖∇W_last‖ 2.00", "relu ‖∇W_1‖/‖∇W_last‖ 2.00"), texts(ActivationsExperiment.TYPE, b.build()));
    }

    @Test
    void aValueNotComputedYetIsADashAndItemsKeepTheirWidth() {
        assertEquals("—", StatusFormat.Unit.NUMBER.format(Double.NaN).trim());
        assertEquals(StatusFormat.Unit.NUMBER.format(0.5).length(), StatusFormat.Unit.NUMBER.format(-1.23e-5).length(),
                "a value that changes does not move the items after it");
    }

    /**
     * Every experiment's format reads outputs the experiment declares: on a frame holding each declared scalar
     * (indexed ones with one member, "x"), it shows at least one item, each a label followed by a value.
     */
    @Test
    void everyExperimentsFormatLabelsItsDeclaredScalars() {
        for (ExperimentDef type : Experiments.standard().types()) {
            Frame.Builder b = Frame.builder(1);
            for (Output o : type.outputs()) {
                if (o.kind() == Output.Kind.SCALAR) {
                    b.scalar(o.indexed() ? o.name().replaceAll("\\{[a-z_]+}", "x") : o.name(), 0.5);
                }
            }
            List<String> texts = texts(type, b.build());
            assertFalse(texts.isEmpty(), type.id() + " shows something");
            for (String t : texts) {
                assertTrue(t.matches("\\S.* \\S+( %)?") && !t.matches("[-0-9.].*"), type.id() + ": '" + t + "' is labelled");
            }
        }
    }

    @Test
    void anExperimentWithoutAFormatGetsItsScalarsLabelledByKey() {
        Frame f = Frame.builder(0).scalar("train.acc", 0.5).scalar("sup_error", 0.25).build();
        assertEquals(List.of("train acc 0.500", "sup error 0.250"),
                StatusFormat.generic().items(f).stream().map(i -> i.text().trim().replaceAll("\\s+", " ")).toList());
    }
}
