package org.trainscope.app.landscape;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.landscape.Surface;
import org.trainscope.engine.optim.OptimizerConfig;

/**
 * "One step, in numbers": the update rule of one racer as LaTeX, with the numbers of the step that brought it to the
 * frame shown — from x_t in the frame before to x_{t+1} in the frame shown, so every number on the right of an equals
 * sign is one the engine recorded (the state vectors are the frames' {@code m1, m2, acc1, acc2}, read from the
 * optimizer's state), and only the gradient ∇f(x_t) and Adam's bias corrections are evaluated here, from the surface
 * and the formula. A pure function of the frames: the same frame is written the same however it was reached.
 */
final class StepInNumbers {
    private StepInNumbers() {
    }

    /**
     * The lines for {@code racer}; {@code before} is the frame one step earlier (null at step 0, or if the recording
     * thinned it out), {@code rule} the racer's hyper-parameters (μ, ρ, β₁, β₂, ε, λ).
     */
    static List<String> lines(String racer, Frame before, Frame now, Surface surface, OptimizerConfig rule) {
        List<String> out = new ArrayList<>();
        if (now == null || surface == null) {
            return out;
        }
        long t1 = now.step();
        if (before == null || before.step() != t1 - 1) {
            out.add("\\text{" + racer + "}:\\quad x_{" + t1 + "} = " + pair(now, LandscapeExperiment.X1,
                    LandscapeExperiment.X2, racer) + (t1 == 0 ? ",\\quad \\text{the start: no step yet}"
                    : ",\\quad \\text{the step before is not recorded}"));
            return out;
        }
        long t = before.step();
        String xt = "x_{" + t + "}";
        String xn = "x_{" + t1 + "}";
        double eta = before.scalar(LandscapeExperiment.LR.key(), Double.NaN);
        double x1 = before.scalar(LandscapeExperiment.X1.of(racer), Double.NaN);
        double x2 = before.scalar(LandscapeExperiment.X2.of(racer), Double.NaN);
        double mu = rule.momentum();
        double[] at = {x1, x2};
        if (racer.equals("nesterov")) {   // the gradient is taken at the look-ahead y = x_t + μv_t
            at = new double[] {x1 + mu * before.scalar(LandscapeExperiment.M1.of(racer), 0),
                    x2 + mu * before.scalar(LandscapeExperiment.M2.of(racer), 0)};
        }
        double[] g = new double[2];
        surface.gradient(at[0], at[1], g);
        String decay = "";
        if (rule.weightDecay() != 0) {     // ∇f̃ = ∇f + λx: weight decay as the optimizer adds it
            g[0] += rule.weightDecay() * at[0];
            g[1] += rule.weightDecay() * at[1];
            decay = " + \\lambda x";
        }
        String where = racer.equals("nesterov") ? "y" : xt;
        String head = "\\text{" + racer + "}:\\quad " + xt + " = " + pair(x1, x2)
                + (racer.equals("nesterov") ? ",\\ y = " + xt + " + \\mu v_{" + t + "} = " + pair(at[0], at[1]) : "");
        out.add(head);
        out.add("g = \\nabla f(" + where + ")" + decay + " = " + pair(g[0], g[1]));
        out.add("\\eta = " + num(eta) + (racer.equals("momentum") || racer.equals("sgdm") || racer.equals("nesterov")
                ? ",\\ \\mu = " + num(mu) : ""));
        String next = pair(now, LandscapeExperiment.X1, LandscapeExperiment.X2, racer);
        String m = pair(now, LandscapeExperiment.M1, LandscapeExperiment.M2, racer);
        String mBefore = pair(before, LandscapeExperiment.M1, LandscapeExperiment.M2, racer);
        String acc = pair(now, LandscapeExperiment.ACC1, LandscapeExperiment.ACC2, racer);
        String accBefore = pair(before, LandscapeExperiment.ACC1, LandscapeExperiment.ACC2, racer);
        switch (racer) {
            case "momentum" -> {
                out.add("\\delta_{" + t1 + "} = \\mu\\,\\delta_{" + t + "} - \\eta g = " + num(mu) + "\\cdot" + mBefore
                        + " - " + num(eta) + "\\,g = " + m);
                out.add(xn + " = " + xt + " + \\delta_{" + t1 + "} = " + next);
            }
            case "sgdm" -> {
                out.add("v_{" + t1 + "} = \\mu v_{" + t + "} + g = " + num(mu) + "\\cdot" + mBefore + " + g = " + m);
                out.add(xn + " = " + xt + " - \\eta\\, v_{" + t1 + "} = " + next);
            }
            case "nesterov" -> {
                out.add("v_{" + t1 + "} = \\mu v_{" + t + "} - \\eta g = " + num(mu) + "\\cdot" + mBefore + " - "
                        + num(eta) + "\\,g = " + m);
                out.add(xn + " = " + xt + " + v_{" + t1 + "} = " + next);
            }
            case "adagrad" -> {
                out.add("G_{" + t1 + "} = G_{" + t + "} + g^2 = " + accBefore + " + g^2 = " + acc);
                out.add(xn + " = " + xt + " - \\eta\\,\\frac{g}{\\sqrt{G_{" + t1 + "}} + \\epsilon} = " + next);
                out.add("\\epsilon = " + num(rule.eps()));
            }
            case "rmsprop" -> {
                out.add("E_{" + t1 + "} = \\rho E_{" + t + "} + (1-\\rho)\\,g^2 = " + num(rule.rho()) + "\\cdot"
                        + accBefore + " + " + num(1 - rule.rho()) + "\\,g^2 = " + acc);
                out.add(xn + " = " + xt + " - \\eta\\,\\frac{g}{\\sqrt{E_{" + t1 + "}} + \\epsilon} = " + next);
                out.add("\\epsilon = " + num(rule.eps()));
            }
            case "adam" -> {
                double c1 = 1 - StrictMath.pow(rule.beta1(), t1);   // 1 − β₁ᵗ, t counted from 1
                double c2 = 1 - StrictMath.pow(rule.beta2(), t1);   // 1 − β₂ᵗ
                out.add("m_{" + t1 + "} = \\beta_1 m_{" + t + "} + (1-\\beta_1)\\,g = " + m);
                out.add("v_{" + t1 + "} = \\beta_2 v_{" + t + "} + (1-\\beta_2)\\,g^2 = " + acc);
                out.add("\\hat m = \\frac{m_{" + t1 + "}}{1-\\beta_1^{" + t1 + "}} = " + scaled(now,
                        LandscapeExperiment.M1, LandscapeExperiment.M2, racer, c1));
                out.add("\\hat v = \\frac{v_{" + t1 + "}}{1-\\beta_2^{" + t1 + "}} = " + scaled(now,
                        LandscapeExperiment.ACC1, LandscapeExperiment.ACC2, racer, c2));
                out.add(xn + " = " + xt + " - \\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon} = " + next);
                out.add("\\beta_1 = " + num(rule.beta1()) + ",\\ \\beta_2 = " + num(rule.beta2()) + ",\\ \\epsilon = "
                        + num(rule.eps()));
            }
            case "normalized" -> out.add(xn + " = " + xt + " - \\eta\\,\\frac{g}{\\sqrt{v} + \\epsilon},\\ v = \\rho v + "
                    + "(1-\\rho)\\|g\\|^2:\\quad " + xn + " = " + next);
            case "flow" -> out.add("\\frac{dx}{dt} = -\\nabla f(x)\\ \\text{for a time } \\eta:\\quad " + xn + " = "
                    + next);
            default -> out.add(xn + " = " + xt + " - \\eta g = " + next);
        }
        if (now.scalar(LandscapeExperiment.DIVERGED.of(racer), 0) != 0) {
            out.add("\\text{diverged: frozen at its last finite point}");
        }
        return out;
    }

    private static String pair(Frame f, Output a, Output b, String racer) {
        return pair(f.scalar(a.of(racer), Double.NaN), f.scalar(b.of(racer), Double.NaN));
    }

    /** The frame's pair divided by {@code by}: a bias-corrected moment. */
    private static String scaled(Frame f, Output a, Output b, String racer, double by) {
        return pair(f.scalar(a.of(racer), Double.NaN) / by, f.scalar(b.of(racer), Double.NaN) / by);
    }

    private static String pair(double a, double b) {
        return "(" + num(a) + ",\\ " + num(b) + ")";
    }

    private static String num(double v) {
        return ExperimentDef.Explanation.number(v);
    }
}
