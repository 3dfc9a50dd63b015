package org.trainscope.app;

import static org.trainscope.app.view.StatusFormat.Unit.COUNT;
import static org.trainscope.app.view.StatusFormat.Unit.FIXED;
import static org.trainscope.app.view.StatusFormat.Unit.NUMBER;
import static org.trainscope.app.view.StatusFormat.Unit.PERCENT;
import static org.trainscope.app.view.StatusFormat.each;
import static org.trainscope.app.view.StatusFormat.of;
import static org.trainscope.app.view.StatusFormat.value;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import org.trainscope.app.depth.DepthSeparationView;
import org.trainscope.app.depth.SawtoothView;
import org.trainscope.app.depth.ShallowApproxView;
import org.trainscope.app.landscape.LandscapeView;
import org.trainscope.app.microscope.ActivationsView;
import org.trainscope.app.microscope.BackpropStepsView;
import org.trainscope.app.optimization.ExpLrView;
import org.trainscope.app.optimization.L4AccelerationView;
import org.trainscope.app.optimization.NetLandscapeView;
import org.trainscope.app.optimization.SgdVsGdView;
import org.trainscope.app.optimization.SharpnessView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.spectrum.DepthComparisonView;
import org.trainscope.app.spectrum.SpectrumView;
import org.trainscope.app.spectrum.SweepView;
import org.trainscope.app.stability.CompressionView;
import org.trainscope.app.stability.StabilityView;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.app.view.StatusFormat;
import org.trainscope.app.generalization.CurveFittingView;
import org.trainscope.app.generalization.NtkView;
import org.trainscope.app.generalization.PlaygroundView;
import org.trainscope.app.generalization.RandomLabelsView;
import org.trainscope.app.generalization.UniversalApproxView;
import org.trainscope.engine.depth.DepthSeparationExperiment;
import org.trainscope.engine.depth.SawtoothExperiment;
import org.trainscope.engine.depth.ShallowApproxExperiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.generalization.ClassifierPlaygroundExperiment;
import org.trainscope.engine.generalization.CurveFittingExperiment;
import org.trainscope.engine.generalization.NtkExperiment;
import org.trainscope.engine.generalization.UniversalApproxExperiment;
import org.trainscope.engine.generalization.RandomLabelsExperiment;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.microscope.ActivationsExperiment;
import org.trainscope.engine.microscope.BackpropStepsExperiment;
import org.trainscope.engine.optimization.ExpLrExperiment;
import org.trainscope.engine.optimization.L4AccelerationExperiment;
import org.trainscope.engine.optimization.NetLandscapeExperiment;
import org.trainscope.engine.optimization.SgdVsGdExperiment;
import org.trainscope.engine.optimization.SharpnessExperiment;
import org.trainscope.engine.spectrum.CompletionSweepExperiment;
import org.trainscope.engine.spectrum.DeepMatrixFactorizationExperiment;
import org.trainscope.engine.spectrum.DepthComparisonExperiment;
import org.trainscope.engine.spectrum.NuclearNormExperiment;
import org.trainscope.engine.stability.CompressionExperiment;
import org.trainscope.engine.stability.NoiseStabilityExperiment;

/**
 * The view of each experiment and what its status line says: one entry per experiment, beside the main window's
 * wiring. A new experiment adds its entry here and its definition to {@link org.trainscope.engine.Experiments}; a
 * test checks that every registered experiment has a view. The status line lists labelled values chosen for the
 * experiment ({@link StatusFormat}), named like the charts beside it.
 */
public final class ExperimentViews {
    /** Builds the view of one experiment, given the model it plays and where heavy images render (never the FX thread). */
    @FunctionalInterface
    public interface Factory {
        ExperimentView create(PlaybackModel model, Executor renderExecutor);
    }

    private record Entry(Factory view, StatusFormat status) {
    }

    private static final Map<ExperimentDef, Entry> VIEWS = new LinkedHashMap<>();

    static {
        add(LandscapeExperiment.TYPE, LandscapeView::new, of(
                each("{racer} loss", LandscapeExperiment.LOSS, NUMBER).unless(LandscapeExperiment.DIVERGED, "{racer} diverged"),
                value("lr", LandscapeExperiment.LR, NUMBER)));
        add(SawtoothExperiment.TYPE, (m, r) -> new SawtoothView(m), of(
                value("depth m", SawtoothExperiment.M, COUNT), value("s_m pieces", SawtoothExperiment.S_PIECES, COUNT),
                value("x² error", SawtoothExperiment.G_SUP_ERROR, NUMBER),
                value("bound 4^−(m+1)", SawtoothExperiment.BOUND, NUMBER)));
        add(ShallowApproxExperiment.TYPE, (m, r) -> new ShallowApproxView(m), of(
                value("ε", ShallowApproxExperiment.EPS, NUMBER), value("width", ShallowApproxExperiment.WIDTH, COUNT),
                value("bound 8RL/ε", ShallowApproxExperiment.WIDTH_BOUND, NUMBER),
                value("sup error", ShallowApproxExperiment.SUP_ERROR, NUMBER)));
        add(DepthSeparationExperiment.TYPE, (m, r) -> new DepthSeparationView(m), of(
                value("deep loss", DepthSeparationExperiment.DEEP_LOSS, NUMBER),
                value("shallow loss", DepthSeparationExperiment.SHALLOW_LOSS, NUMBER),
                value("deep pieces", DepthSeparationExperiment.DEEP_PIECES, COUNT),
                value("shallow pieces", DepthSeparationExperiment.SHALLOW_PIECES, COUNT),
                value("target pieces", DepthSeparationExperiment.TARGET_PIECES, COUNT)));
        StatusFormat completion = of(value("loss", DeepMatrixFactorizationExperiment.LOSS, NUMBER),
                value("test error", DeepMatrixFactorizationExperiment.TEST_ERROR, FIXED),
                value("effective rank", DeepMatrixFactorizationExperiment.EFFECTIVE_RANK, NUMBER));
        add(DeepMatrixFactorizationExperiment.TYPE, (m, r) -> new SpectrumView(m), completion);
        add(DepthComparisonExperiment.TYPE, (m, r) -> new DepthComparisonView(m),
                each("depth {d} test error", DepthComparisonExperiment.TEST_ERROR, FIXED));
        add(NuclearNormExperiment.TYPE, (m, r) -> new SpectrumView(m), of(completion,
                value("‖W‖_*", NuclearNormExperiment.NUCLEAR_NORM, NUMBER), value("λ", NuclearNormExperiment.LAMBDA, NUMBER)));
        add(CompletionSweepExperiment.TYPE, (m, r) -> new SweepView(m), of(
                value("done", CompletionSweepExperiment.PROGRESS, PERCENT),
                value("observed", CompletionSweepExperiment.OBSERVED, COUNT),
                each("{method} test error", CompletionSweepExperiment.METHOD_TEST_ERROR, FIXED)));
        add(NoiseStabilityExperiment.TYPE, (m, r) -> new StabilityView(m), of(
                value("train acc", NoiseStabilityExperiment.TRAIN_ACC, PERCENT),
                value("test acc", NoiseStabilityExperiment.TEST_ACC, PERCENT),
                value("batch loss", NoiseStabilityExperiment.BATCH_LOSS, NUMBER)));
        add(CompressionExperiment.TYPE, (m, r) -> new CompressionView(m), of(
                value("k", CompressionExperiment.K, COUNT),
                each("{net} labels: test acc", CompressionExperiment.TEST_ACC, PERCENT)));
        add(SgdVsGdExperiment.TYPE, (m, r) -> new SgdVsGdView(m), of(
                each("{racer} excess loss", SgdVsGdExperiment.EXCESS, NUMBER),
                value("least-squares loss", SgdVsGdExperiment.OLS_LOSS, NUMBER), value("lr", SgdVsGdExperiment.LR, NUMBER)));
        add(L4AccelerationExperiment.TYPE, (m, r) -> new L4AccelerationView(m), of(
                each("{racer} excess", L4AccelerationExperiment.EXCESS, NUMBER)
                        .unless(L4AccelerationExperiment.DIVERGED, "{racer} diverged"),
                each("{racer} steps to target", L4AccelerationExperiment.HIT, COUNT)));
        add(ExpLrExperiment.TYPE, (m, r) -> new ExpLrView(m), of(
                value("A loss", ExpLrExperiment.A_LOSS, NUMBER), value("B loss", ExpLrExperiment.B_LOSS, NUMBER),
                value("max |p_A − p_B|", ExpLrExperiment.PRED_DIFF, NUMBER),
                value("‖θ^B‖/‖θ^A‖", ExpLrExperiment.NORM_RATIO, NUMBER),
                value("predicted α^−t", ExpLrExperiment.NORM_RATIO_PREDICTED, NUMBER),
                value("B lr", ExpLrExperiment.B_LR, NUMBER)));
        add(SharpnessExperiment.TYPE, (m, r) -> new SharpnessView(m), of(
                value("sharpness λ₁", SharpnessExperiment.SHARPNESS, NUMBER),
                value("stability limit 2/η", SharpnessExperiment.TWO_OVER_LR, NUMBER), value("loss", SharpnessExperiment.LOSS, NUMBER),
                value("train acc", SharpnessExperiment.ACCURACY, PERCENT)));
        add(NetLandscapeExperiment.TYPE, (m, r) -> new NetLandscapeView(m), of(
                value("train loss", NetLandscapeExperiment.TRAIN_LOSS, NUMBER),
                value("test loss", NetLandscapeExperiment.TEST_LOSS, NUMBER),
                value("grid", NetLandscapeExperiment.PROGRESS, PERCENT),
                value("centre loss", NetLandscapeExperiment.CENTER_LOSS, NUMBER),
                value("grid min", NetLandscapeExperiment.GRID_MIN, NUMBER),
                value("grid max", NetLandscapeExperiment.GRID_MAX, NUMBER)));
        add(CurveFittingExperiment.TYPE, (m, r) -> new CurveFittingView(m), of(
                value("train MSE", CurveFittingExperiment.TRAIN_MSE, NUMBER),
                value("test MSE", CurveFittingExperiment.TEST_MSE, NUMBER),
                value("optimizer loss", CurveFittingExperiment.GD_LOSS, NUMBER),
                value("closed-form loss", CurveFittingExperiment.CLOSED_LOSS, NUMBER)));
        add(RandomLabelsExperiment.TYPE, (m, r) -> new RandomLabelsView(m), of(
                value("epoch", RandomLabelsExperiment.EPOCH, COUNT),
                each("run {k} test acc", RandomLabelsExperiment.TEST_ACC, PERCENT)));
        add(ClassifierPlaygroundExperiment.TYPE, PlaygroundView::new, of(
                value("train loss", ClassifierPlaygroundExperiment.TRAIN_LOSS, NUMBER),
                value("test loss", ClassifierPlaygroundExperiment.TEST_LOSS, NUMBER),
                value("train acc", ClassifierPlaygroundExperiment.TRAIN_ACC, PERCENT),
                value("test acc", ClassifierPlaygroundExperiment.TEST_ACC, PERCENT)));
        add(NtkExperiment.TYPE, (m, r) -> new NtkView(m),
                each("width {k} weight change", NtkExperiment.WEIGHT_CHANGE, NUMBER));
        add(UniversalApproxExperiment.TYPE, (m, r) -> new UniversalApproxView(m), of(
                value("width", UniversalApproxExperiment.WIDTH, COUNT),
                value("sup error", UniversalApproxExperiment.SUP_ERROR, NUMBER),
                value("train loss", UniversalApproxExperiment.TRAIN_LOSS, NUMBER)));
        add(BackpropStepsExperiment.TYPE, (m, r) -> new BackpropStepsView(m), of(
                value("training step", BackpropStepsExperiment.TRAIN_STEP, COUNT),
                value("loss", BackpropStepsExperiment.LOSS, NUMBER),
                value("max |∇θ − fd|", BackpropStepsExperiment.FD_MAX_ERROR, NUMBER)));
        add(ActivationsExperiment.TYPE, (m, r) -> new ActivationsView(m), of(
                value("loss", ActivationsExperiment.LOSS, NUMBER),
                value("‖∇W_1‖/‖∇W_last‖", ActivationsExperiment.GRAD_RATIO, NUMBER),
                each("{act} loss", ActivationsExperiment.COMPARED_LOSS, NUMBER),                  // compare = on
                each("{act} ‖∇W_1‖/‖∇W_last‖", ActivationsExperiment.COMPARED_GRAD_RATIO, NUMBER)));
    }

    private ExperimentViews() {
    }

    private static void add(ExperimentDef type, Factory view, StatusFormat status) {
        VIEWS.put(type, new Entry(view, status));
    }

    /** True if the experiment has a view. */
    public static boolean has(ExperimentDef type) {
        return VIEWS.containsKey(type);
    }

    /** The view of {@code type}, playing {@code model}. */
    public static ExperimentView create(ExperimentDef type, PlaybackModel model, Executor renderExecutor) {
        Entry e = VIEWS.get(type);
        if (e == null) {
            throw new IllegalArgumentException("no view for experiment '" + type.id() + "'; add it to ExperimentViews");
        }
        return e.view().create(model, renderExecutor);
    }

    /** What the status line shows for {@code type} (labelled scalars of its frames; a generic list if it declares none). */
    public static StatusFormat status(ExperimentDef type) {
        Entry e = VIEWS.get(type);
        return e == null ? StatusFormat.generic() : e.status();
    }
}
