package org.trainscope.engine.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.OptimizerConfig;

/** The optimizer race end to end through the Experiment API. */
class LandscapeExperimentTest {
    private static Params params(String... assignments) {
        Params p = LandscapeExperiment.TYPE.defaults();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            p = p.with(a.substring(0, eq), a.substring(eq + 1));
        }
        return p;
    }

    /**
     * GD's x₁ on the quadratic follows (1−2ηa)^t x₁(0) (lecture 003). Tolerance 1e-12 relative for t ≤ 100: a few
     * roundings per step (≈ 7e-16) plus Math.pow's t·ε, about 1e-13 in all (see optim.GradientDescentTest).
     */
    @Test
    void gradientDescentOnTheQuadraticFollowsTheClosedForm() {
        Params p = params("function=quadratic");
        double eta = p.real("lr");
        double a = p.real("a");
        double x0 = p.real("x1");
        Experiment e = LandscapeExperiment.TYPE.create(p, 0);
        assertEquals(x0, e.frame().scalar("gd.x1"), 0.0);
        assertEquals(0, e.frame().step());
        for (int t = 1; t <= 100; t++) {
            Frame f = e.step();
            assertEquals(t, f.step());
            double expected = Math.pow(1 - 2 * eta * a, t) * x0;
            assertEquals(expected, f.scalar("gd.x1"), 1e-12 * Math.abs(expected), "gd.x1 at step " + t);
        }
        assertEquals(100, e.stepCount());
    }

    @Test
    void frameHasTheNamedScalarsOfEveryRacerAndNothingElse() {
        Params p = params("function=quadratic", "optimizers=adam,gd,flow", "x1=0.5", "x2=-0.25");
        Experiment e = LandscapeExperiment.TYPE.create(p, 0);
        List<String> expected = new ArrayList<>();
        for (String opt : List.of("adam", "gd", "flow")) {
            expected.addAll(List.of(opt + ".x1", opt + ".x2", opt + ".loss", opt + ".gradnorm", opt + ".diverged",
                    opt + ".m1", opt + ".m2", opt + ".acc1", opt + ".acc2"));
        }
        expected.add("lr");
        for (Frame f : List.of(e.frame(), e.step(), e.step())) {
            assertEquals(expected, f.scalarNames());
            assertEquals(List.of(), f.seriesNames());
            assertEquals(List.of(), LandscapeExperiment.TYPE.mismatches(f), "as declared for any racers");
            for (String opt : List.of("adam", "gd", "flow")) {
                double x1 = f.scalar(opt + ".x1");
                double x2 = f.scalar(opt + ".x2");
                // f = a·x₁² + b·x₂² and |∇f| = |(2a·x₁, 2b·x₂)|, with the defaults a = 1, b = 10
                assertEquals(x1 * x1 + 10 * x2 * x2, f.scalar(opt + ".loss"), 1e-15);
                assertEquals(Math.hypot(2 * x1, 20 * x2), f.scalar(opt + ".gradnorm"), 1e-15);
                assertEquals(0.0, f.scalar(opt + ".diverged"), 0.0);
            }
            // gd and flow keep no moment nor accumulator: NaN, never a made-up zero
            for (String key : List.of("gd.m1", "gd.acc2", "flow.m2", "flow.acc1")) {
                assertTrue(Double.isNaN(f.scalar(key)), key);
            }
            assertEquals(0.01, f.scalar("lr"), 0.0);
        }
    }

    @Test
    void everyRuleButSgdmRacesByDefault() {
        Experiment e = LandscapeExperiment.TYPE.create(LandscapeExperiment.TYPE.defaults(), 0);
        List<String> expected = new java.util.ArrayList<>(OptimizerConfig.RULES);
        expected.remove("sgdm");   // races like momentum at a constant η; offered, not shown by default
        expected.remove("normalized");   // the deep factorization's variant; offered, not shown by default
        assertEquals(expected, ((LandscapeExperiment) e).racerNames());
        assertEquals(LandscapeExperiment.DEFAULT_RACERS.size() * 9 + 1, e.frame().scalarNames().size());
        assertEquals("valley", e.params().choice("function"));
    }

    /** The quadratic's gradient at a frame's point: ∇f = (2a·x₁, 2b·x₂) with the defaults a = 1, b = 10. */
    private static double[] quadraticGradient(Frame f, String racer) {
        return new double[] {2 * 1 * f.scalar(racer + ".x1"), 2 * 10 * f.scalar(racer + ".x2")};
    }

    /**
     * The accumulators in the frames follow their rules' recurrences, with each g_t computed from the point x_t that
     * frame t records: AdaGrad's G_k = Σ_{t<k} g_t², RMSprop's E ← ρE + (1−ρ)g², Adam's m ← β₁m + (1−β₁)g and
     * v ← β₂v + (1−β₂)g². Tolerance 1e-13 relative over 100 steps: every term is positive (G, E, v) or a contraction of
     * earlier ones (m), each step adds at most a couple of roundings of ε/2 ≈ 1.1e-16 relative, so at most ~2·10⁻¹⁴
     * after 100 steps; an off-by-one step (the gradient of x_{t+1} instead of x_t) or a missing (1−β) is off by
     * far more than that.
     */
    @Test
    void accumulatorsInTheFramesFollowTheirRecurrences() {
        Params p = params("function=quadratic", "optimizers=adagrad,rmsprop,adam,momentum", "lr=0.05");
        double rho = p.real("rho");
        double beta1 = p.real("beta1");
        double beta2 = p.real("beta2");
        Experiment e = LandscapeExperiment.TYPE.create(p, 0);
        double[] sumSquares = new double[2];
        double[] meanSquare = new double[2];
        double[] m = new double[2];
        double[] v = new double[2];
        Frame before = e.frame();
        for (String key : List.of("adagrad.acc1", "rmsprop.acc2", "adam.acc1", "adam.m2", "momentum.m1")) {
            assertEquals(0.0, before.scalar(key), 0.0, key + " starts at zero");
        }
        for (int t = 1; t <= 100; t++) {
            Frame now = e.step();
            double[] gAda = quadraticGradient(before, "adagrad");
            double[] gRms = quadraticGradient(before, "rmsprop");
            double[] gAdam = quadraticGradient(before, "adam");
            for (int i = 0; i < 2; i++) {
                sumSquares[i] += gAda[i] * gAda[i];                                  // G ← G + g²
                meanSquare[i] = rho * meanSquare[i] + (1 - rho) * gRms[i] * gRms[i]; // E ← ρE + (1−ρ)g²
                m[i] = beta1 * m[i] + (1 - beta1) * gAdam[i];                        // m ← β₁m + (1−β₁)g
                v[i] = beta2 * v[i] + (1 - beta2) * gAdam[i] * gAdam[i];             // v ← β₂v + (1−β₂)g²
                String axis = String.valueOf(i + 1);
                assertEquals(sumSquares[i], now.scalar("adagrad.acc" + axis), 1e-13 * sumSquares[i], "G at " + t);
                assertEquals(meanSquare[i], now.scalar("rmsprop.acc" + axis), 1e-13 * meanSquare[i], "E at " + t);
                assertEquals(v[i], now.scalar("adam.acc" + axis), 1e-13 * v[i], "v at " + t);
                assertEquals(m[i], now.scalar("adam.m" + axis), 1e-13 * Math.abs(m[i]) + 1e-300, "m at " + t);
                // the heavy ball's δ_t is its last step x_t − x_{t−1}, up to the rounding of that sum (ε·|x|)
                double step = now.scalar("momentum.x" + axis) - before.scalar("momentum.x" + axis);
                assertEquals(step, now.scalar("momentum.m" + axis), 4e-16 * Math.abs(now.scalar("momentum.x" + axis)));
            }
            before = now;
        }
        assertTrue(sumSquares[0] > 0 && m[1] != 0, "the test saw the accumulators move");
    }

    @Test
    void sameParamsAndSeedGiveIdenticalFrames() {
        Params p = params("schedule=exponential", "weight_decay=0.01");
        Experiment first = LandscapeExperiment.TYPE.create(p, 42);
        Experiment second = LandscapeExperiment.TYPE.create(p, 42);
        assertEquals(first.frame(), second.frame());
        for (int t = 0; t < 200; t++) {
            assertEquals(first.step(), second.step(), "frame " + (t + 1));
        }
        assertNotEquals(first.frame(), LandscapeExperiment.TYPE.create(p, 42).frame()); // frames do move
    }

    @Test
    void restoringASnapshotContinuesExactly() {
        Params p = params("schedule=step", "step_every=30", "weight_decay=0.05");
        Experiment original = LandscapeExperiment.TYPE.create(p, 7);
        for (int t = 0; t < 50; t++) {
            original.step();
        }
        Snapshot at50 = original.snapshot();
        List<Frame> continued = new ArrayList<>();
        for (int t = 50; t < 100; t++) {
            continued.add(original.step());
        }

        Experiment fresh = LandscapeExperiment.TYPE.create(p, 7);
        for (int t = 0; t < 13; t++) {
            fresh.step(); // some unrelated state that restore must overwrite
        }
        fresh.restore(at50);
        assertEquals(50, fresh.stepCount());
        assertEquals(50, fresh.frame().step());
        List<Frame> forked = new ArrayList<>();
        for (int t = 50; t < 100; t++) {
            forked.add(fresh.step());
        }
        assertEquals(continued, forked);
    }

    @Test
    void aDivergingRacerIsFrozenWhileTheOthersGoOn() {
        // GD with η = 1 on b = 10: x₂ is multiplied by 1 − 2·1·10 = −19 each step and overflows within ~120 steps
        Experiment e = LandscapeExperiment.TYPE.create(params("function=quadratic", "optimizers=gd,adam", "lr=1"), 0);
        Frame before = e.frame();
        Frame f = before;
        int guard = 0;
        while (f.scalar("gd.diverged") == 0) {
            assertTrue(++guard < 1000, "gd should diverge");
            before = f;
            f = e.step();
        }
        assertTrue(guard > 10, "gd only overflows after a while");
        assertTrue(Double.isFinite(f.scalar("gd.x2")) && Double.isFinite(f.scalar("gd.loss")), "finite when frozen");
        assertEquals(before.scalar("gd.x1"), f.scalar("gd.x1"), 0.0, "frozen at the last finite point");
        assertEquals(before.scalar("gd.x2"), f.scalar("gd.x2"), 0.0, "frozen at the last finite point");
        assertEquals(0.0, f.scalar("adam.diverged"), 0.0);
        double gdX1 = f.scalar("gd.x1");
        double gdX2 = f.scalar("gd.x2");
        for (int k = 0; k < 10; k++) {
            Frame next = e.step();
            assertEquals(gdX1, next.scalar("gd.x1"), 0.0);
            assertEquals(gdX2, next.scalar("gd.x2"), 0.0);
            assertEquals(1.0, next.scalar("gd.diverged"), 0.0);
            assertTrue(next.scalar("adam.x1") != f.scalar("adam.x1") || next.scalar("adam.x2") != f.scalar("adam.x2"),
                    "adam keeps moving");
            f = next;
        }
    }

    @Test
    void aSnapshotKeepsWhoDiverged() {
        Params p = params("function=quadratic", "optimizers=gd,adam", "lr=1");
        Experiment original = LandscapeExperiment.TYPE.create(p, 0);
        int guard = 0;
        while (original.frame().scalar("gd.diverged") == 0) {
            assertTrue(++guard < 1000, "gd should diverge");
            original.step();
        }
        Frame atSnapshot = original.frame();
        Snapshot snap = original.snapshot();
        Experiment fresh = LandscapeExperiment.TYPE.create(p, 0);
        fresh.restore(snap);
        assertEquals(atSnapshot, fresh.frame());
        for (int k = 0; k < 20; k++) {
            assertEquals(original.step(), fresh.step());
        }
    }

    @Test
    void whenEveryRacerDivergedStepThrowsAndKeepsTheLastGoodState() {
        Experiment e = LandscapeExperiment.TYPE.create(params("function=quadratic", "optimizers=gd", "lr=2"), 0);
        int guard = 0;
        while (e.frame().scalar("gd.diverged") == 0) {
            assertTrue(++guard < 1000, "gd should diverge");
            e.step();
        }
        Frame last = e.frame();
        long steps = e.stepCount();
        assertThrows(DivergedException.class, e::step);
        assertEquals(steps, e.stepCount());
        assertEquals(last, e.frame());
    }

    @Test
    void flowRacerTracksTheExactSolutionOnTheQuadratic() {
        // x₂(t) = x₂(0)e^{−2bt}, t = kη; tolerance as in optim.GradientFlowTest (1e-9 relative, x stays O(1))
        Params p = params("function=quadratic", "optimizers=flow", "b=0.5", "x1=1", "x2=2", "lr=0.01");
        Experiment e = LandscapeExperiment.TYPE.create(p, 0);
        for (int k = 1; k <= 100; k++) {
            Frame f = e.step();
            assertEquals(Math.exp(-2 * k * 0.01), f.scalar("flow.x1"), 1e-9 * Math.exp(-2 * k * 0.01));
            assertEquals(2 * Math.exp(-k * 0.01), f.scalar("flow.x2"), 2e-9 * Math.exp(-k * 0.01));
        }
    }

    @Test
    void invalidParamsAreRefusedNamingTheParam() {
        Params p = LandscapeExperiment.TYPE.defaults();
        for (String[] bad : new String[][] {{"lr", "100"}, {"lr", "fast"}, {"function", "parabola"},
                {"optimizers", "gd,sgd"}, {"momentum", "1.5"}, {"step_every", "0"}}) {
            ParamException ex = assertThrows(ParamException.class, () -> p.with(bad[0], bad[1]));
            assertEquals(bad[0], ex.param());
            assertTrue(ex.getMessage().contains(bad[0]), ex.getMessage());
        }
    }

    @Test
    void typeDescribesItself() {
        assertEquals("landscape", LandscapeExperiment.TYPE.id());
        assertTrue(LandscapeExperiment.TYPE.defaultSteps() > 0);
        assertTrue(!LandscapeExperiment.TYPE.explanation().formula().isBlank());
        assertEquals(List.of("function", "a", "b", "x1", "x2", "optimizers", "lr"),
                LandscapeExperiment.TYPE.params().stream().map(s -> s.name()).toList().subList(0, 7));
    }
}
