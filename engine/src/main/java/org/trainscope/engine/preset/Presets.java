package org.trainscope.engine.preset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.trainscope.engine.experiment.Registry;

/** The gallery of lecture presets, in the order of the lectures; only presets whose experiment exists are listed. */
public final class Presets {
    private static final List<Preset> ALL = List.of(
            new Preset("GD vs momentum in a narrow valley",
                    "A long, narrow quadratic bowl (curvatures 0.4 and 20). Gradient descent zig-zags across the "
                            + "valley and crawls along its floor; the gradient flow (white) shows the curve GD "
                            + "discretizes. Heavy-ball momentum remembers its last step: the zig-zags cancel, the "
                            + "speed along the floor adds up, and it arrives orders of magnitude sooner — watch the "
                            + "loss chart.",
                    "Lecture 003, \"Path of gradient descent\" and \"More interesting landscape\" (momentum)",
                    "landscape",
                    Map.of("function", "quadratic", "a", "0.2", "b", "10", "x1", "-1.8", "x2", "1.2",
                            "optimizers", "gd,momentum,nesterov,flow", "lr", "0.09", "momentum", "0.7"),
                    0, 30),
            new Preset("Momentum jumps basins on the slide's valley",
                    "The landscape of the lecture's \"more interesting\" slide, with two minima. From the same start, "
                            + "gradient descent and Adam follow the gradient flow into the nearer basin, while "
                            + "momentum and Nesterov carry enough speed to swing across the ridge — one of them "
                            + "settles in the other minimum.",
                    "Lecture 003, \"More interesting landscape\"; Sutskever et al. 2013 (Nesterov)",
                    "landscape", Map.of(), 0, 60),
            new Preset("Adaptive steps on Rosenbrock's banana",
                    "A curved valley whose walls are 100 times steeper than its floor. At this learning rate plain "
                            + "gradient descent overshoots the walls and diverges (✕); AdaGrad, RMSprop and Adam "
                            + "divide each coordinate's step by its recent gradient size and creep along the banana "
                            + "towards (1, 1).",
                    "Duchi et al. 2011 (AdaGrad); Tieleman & Hinton 2012 (RMSprop); Kingma & Ba 2015 (Adam)",
                    "landscape",
                    Map.of("function", "rosenbrock", "x1", "-1.5", "x2", "2", "optimizers", "gd,adagrad,rmsprop,adam",
                            "lr", "0.02"),
                    0, 120),
            new Preset("Escaping a saddle",
                    "f = x₁² − x₂² has a critical point at the origin that is not a minimum. Starting almost on the "
                            + "x₁ axis, gradient descent first rushes towards the saddle and slows down there; only "
                            + "the tiny x₂ component grows (geometrically) until it escapes. Momentum escapes sooner.",
                    "Lecture 004, landscape and optimality questions; lecture 003, gradient flow",
                    "landscape",
                    Map.of("function", "saddle", "x1", "1.8", "x2", "0.001", "optimizers", "gd,momentum,flow",
                            "lr", "0.02"),
                    0, 30));

    private Presets() {
    }

    /** Every preset whose experiment the registry has, in gallery order. */
    public static List<Preset> standard(Registry registry) {
        List<Preset> out = new ArrayList<>();
        for (Preset p : ALL) {
            if (registry.find(p.experiment()).isPresent()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** Every preset, including those of experiments this build may not have. */
    public static List<Preset> all() {
        return ALL;
    }
}
