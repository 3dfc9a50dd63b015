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
                            + "valley and crawls along its floor; the gradient flow (grey, dashed) shows the curve GD "
                            + "discretizes. Heavy-ball momentum remembers its last step: the zig-zags cancel, the "
                            + "speed along the floor adds up, and it arrives orders of magnitude sooner — watch the "
                            + "loss chart.",
                    "Lecture 003, \"Path of gradient descent\" and \"More interesting landscape\" (momentum)",
                    "landscape",
                    Map.of("function", "quadratic", "a", "0.2", "b", "10", "x1", "-1.8", "x2", "1.2",
                            "optimizers", "gd,momentum,flow", "lr", "0.09", "momentum", "0.7"),
                    0, 30)
                    .asking("Which reaches the floor of the valley first?", 20, 1,
                            "gradient descent", "momentum", "both at the same time"),
            new Preset("Teeth double with depth",
                    "Each step adds one layer to a ReLU network built from the slide's explicit weights: the tent "
                            + "map s composed m times. Watch the teeth double with every layer (2^(m−1) teeth, 2^m "
                            + "linear pieces, counted exactly from the network's breakpoints), while a depth-2 "
                            + "network would need a unit per breakpoint — width growing like 2^m.",
                    "Lecture 002, \"Example: sawteeth function\"; Telgarsky 2016",
                    "sawtooth", Map.of(), 0, 1)
                    .asking("s_4 has 8 teeth. How many will the next layer give s_5?", 3, 2, "9", "12", "16"),
            new Preset("x² by a width-3 net",
                    "The same layers, summed: g_m = x − Σ s_j/4^j approaches x² and its worst error is exactly "
                            + "4^−(m+1) — it falls fourfold with every layer (the straight line on the log chart). "
                            + "With the compact tent the network's honest width is 3: two tent units (r(x−1) is never "
                            + "active on [0, 1], so it is dropped) plus the one that carries the running sum.",
                    "Lecture 002, \"Example: square function\"; Yarotsky 2017",
                    "sawtooth", Map.of("tent", "compact"), 0, 1),
            new Preset("Singular values one at a time",
                    "Gradient descent on a product of three matrices W = W₃W₂W₁, from a tiny start, fits 2000 of the "
                            + "10,000 entries of a rank-5 matrix. The singular values of W rise one after another — "
                            + "the largest first, a staircase on the log chart — and the dashed lines are Theorem 3's "
                            + "prediction dσ_r/dt = −N(σ_r²)^(1−1/N)⟨∇ℓ(W), u_r v_rᵀ⟩ integrated alongside.",
                    "Lecture 001, \"evolution of singular values\"; Arora, Cohen, Hu & Luo, NeurIPS 2019, Theorem 3",
                    "deep-matrix-factorization", Map.of(), 0, 60)
                    .asking("σ₁ has risen. Which singular value rises next?", 210, 0,
                            "σ₂, the next largest of the target", "σ₅, the smallest one", "all the others together"),
            new Preset("Depths 1, 2 and 3 on matrix completion",
                    "The same matrix, the same observed entries, the same learning rate: plain gradient descent "
                            + "on W (depth 1) fits the observed entries and leaves the rest at zero, while depths 2 "
                            + "and 3 find the low-rank completion — depth 3 ends with a test error near 1 %. "
                            + "Optimization alone does not explain what is learned.",
                    "Lecture 001; Arora, Cohen, Hu & Luo, NeurIPS 2019 (implicit regularization)",
                    "depth-comparison", Map.of(), 0, 60),
            new Preset("Deep narrow beats shallow wide",
                    "Two ReLU networks with the same number of parameters learn the sawtooth s_4 from the same "
                            + "samples with the same optimizer and seed: four layers of width 3 against one wide "
                            + "layer. The deep net fits all 16 pieces; the shallow one cannot make that many and its "
                            + "loss stalls. (Both start near their best construction; the panel says so.)",
                    "Lecture 000, \"Why deep?\" (Eldan & Shamir 2016, Telgarsky 2016)",
                    "depth-separation", Map.of(), 0, 60),
            new Preset("Noise fades in trained nets",
                    "An MLP learns the 8×8 digits. Every 25 steps it is probed: the layer-cushion histograms move "
                            + "right of the dashed random-matrix line 1/√n, Gaussian noise injected at a layer "
                            + "shrinks as it travels up, and each layer's singular values concentrate. Step 0 is the "
                            + "random-init reference.",
                    "Lecture 000, \"noise stability\", \"layer cushion\"; Arora, Ge, Neyshabur & Zhang, ICML 2018",
                    "noise-stability", Map.of(), 0, 120),
            new Preset("Random labels break the cushion",
                    "The same network and data, but the training labels are shuffled: it can only memorise. Test "
                            + "accuracy stays near 10%, the cushions stay near the random-matrix line, and noise "
                            + "is not damped the way it is in the net trained on true labels. Compare with the "
                            + "previous demo.",
                    "Lecture 000; Zhang et al. 2017 (random labels); Arora et al. 2018",
                    "noise-stability", Map.of("labels", "random"), 0, 120),
            new Preset("Compression: true vs random labels",
                    "Both nets are compressed with k random sign matrices (Idea 1 of the proof), k doubling each "
                            + "step. The matrix errors are the same for both, but the noise-stable net trained on "
                            + "true labels keeps its outputs and its accuracy at much smaller k.",
                    "Lecture 000, compression by random sign matrices; Arora et al. 2018, Idea 1",
                    "compression", Map.of(), 0, 1),
            new Preset("A shallow network needs width",
                    "The Eldan–Shamir lemma made concrete: a depth-2 ReLU network that interpolates the target at "
                            + "evenly spaced points is within ε of it with width ≤ 8RL/ε. For the sawtooth s_m the "
                            + "width needed doubles with every m, while the deep construction stays at width 3.",
                    "Lecture 002, depth-2 interpolation; Eldan & Shamir 2016",
                    "shallow-approx", Map.of(), 0, 1),
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
                    0, 30),
            // issue 12, optimization you can watch
            new Preset("SGD: noisy but unbiased",
                    "100,000 points, one line to fit. Gradient descent reads them all per step and slides down the "
                            + "contours to the least-squares fit; SGD reads one and minibatch SGD 32. At every point "
                            + "the arrow is −∇L and the dotted ellipse the spread of the racer's own batch gradients "
                            + "around it: centred on the arrow's tip (unbiased), wide for one example, √32 times "
                            + "narrower for 32. Then look at the loss against examples read: SGD gets there first.",
                    "Lecture 003, \"SGD Example: Linear Regression\"",
                    "sgd-vs-gd", Map.of(), 0, 30),
            new Preset("Depth lets gradient descent take larger steps",
                    "ℓ4 regression on the diabetes table, five racers at the same learning rate from the same "
                            + "start near zero. Plain gradient descent on w diverges (✕): the loss is sharpest near "
                            + "w = 0. Writing w as a product of layers changes nothing the model can express, yet "
                            + "gradient descent on the layers moves w by ‖w‖^(2−2/N)(∇ + (N−1)Pr_w ∇): a rate that "
                            + "starts tiny and grows with w, plus a push along w. Depth 2 and 3 reach the target "
                            + "(dashed marks); below, their steps against plain GD's.",
                    "Lecture 000, \"Why deep? (Maybe, helps optimization)\"; Arora, Cohen & Hazan, ICML 2018",
                    "l4-acceleration", Map.of(), 0, 300),
            new Preset("Weight decay = an exponential learning rate",
                    "A digits net with a layer norm before its softmax, trained twice from one start: A with "
                            + "weight decay and a constant rate, B with no decay and a rate that grows like "
                            + "α^(−2t). B's predictions sit exactly on A's curve (their largest difference is "
                            + "about 10^−13, rounding) while B's weights grow as α^(−t) times A's — the dashed "
                            + "prediction. Only the direction of the weights matters to this net.",
                    "Lecture 001, Vignette 3; Li & Arora, ICLR 2020",
                    "exp-lr", Map.of(), 0, 60),
            new Preset("The edge of stability",
                    "Full-batch gradient descent on a small tanh net, with the Hessian's largest eigenvalues "
                            + "computed after every step. On a quadratic GD would diverge once the curvature passed "
                            + "2/η (dashed). Watch the sharpness climb towards that line, overshoot it once, then "
                            + "hover just above it for the rest of the run while the loss keeps falling in fits and "
                            + "starts.",
                    "Lecture 000, \"Black box analysis\"; Cohen, Kaur, Li, Kolter & Talwalkar, ICLR 2021",
                    "sharpness", Map.of(), 0, 60),
            new Preset("The landscape around a trained net",
                    "A small network learns the digits with minibatches of 16; then the loss is computed on a plane "
                            + "through the trained weights, along two random directions scaled unit by unit to the "
                            + "net's own weights. The grid fills in row by row (the bar above it; Cancel pauses). "
                            + "Pin this run, set batch to 0 (full batch) and compare the two valleys side by side — "
                            + "lecture 004's picture of wide and narrow minima.",
                    "Lecture 004, \"A picture of the energy landscape\"; Li, Xu, Taylor, Studer & Goldstein, NeurIPS 2018",
                    "net-landscape", Map.of(), 0, 300),
            new Preset("A landscape you type",
                    "function=custom takes a formula: here a tilted double well, x1^4 − x1^2 + x2^2 + 0.3·x1·x2. Its "
                            + "gradient comes by forward-mode automatic differentiation — no hand-written derivative. "
                            + "From this start every racer ends in the left well; momentum and Nesterov overshoot and "
                            + "circle its floor before they settle. Type your own in the formula field (a typo is "
                            + "refused with its position) and move the start by clicking the map.",
                    "Lecture 003, \"More interesting landscape\"; gradient_descent_viz issue #10",
                    "landscape",
                    Map.of("function", "custom", "x1", "-0.2", "x2", "1.5", "optimizers", "gd,momentum,nesterov,flow",
                            "lr", "0.02"),
                    0, 30),
            new Preset("Overfitting: the U-shape of polynomial degree",
                    "Twenty noisy samples of sin 2πx, fitted by a polynomial of degree 15 (closed form by QR). The "
                            + "fit threads through the samples and swings wildly between them; the lower chart shows "
                            + "why: the training error falls with every degree, the test error against the true curve "
                            + "falls, bottoms out near degree 3–6 and explodes towards d = n − 1. Gradient descent "
                            + "(dotted) is still far from the closed form — stopping early is a regularizer too.",
                    "Lecture 001, \"Curve fitting (Gauss, c. 1800)\"; lecture 003, \"Overfitting Problem\"",
                    "curve-fitting", Map.of("degree", "15"), 0, 30),
            new Preset("Double descent with random features",
                    "The same samples fitted with p random ReLU features. The lower chart sweeps p: the test error "
                            + "climbs to a peak at p = n = 20, where the features can just interpolate the noise, and "
                            + "falls again beyond it, where the pseudo-inverse picks the minimum-norm one of the many "
                            + "interpolants: double descent. Here p = 200: it still fits every noisy sample exactly, "
                            + "yet errs a hundred times less than at p = n (in this noisy 1-D toy, not less than the "
                            + "best small model).",
                    "Lecture 001, \"Mystery 2: No Overfitting\"; Belkin, Hsu, Ma & Mandal, PNAS 2019",
                    "curve-fitting", Map.of("mode", "features", "features", "200"), 0, 30),
            new Preset("Memorizing random labels",
                    "Five copies of one network learn 500 digits; in each, a fraction ρ = 0, 0.2, 0.5, 0.8, 1 of "
                            + "the labels was replaced by random ones. Watch the left chart: every run reaches 100 % "
                            + "training accuracy, pure noise included. The right chart: test accuracy falls with ρ, "
                            + "to chance at ρ = 1. The same net, the same optimizer — it generalizes only when the "
                            + "data let it.",
                    "Zhang, Bengio, Hardt, Recht & Vinyals, ICLR 2017; lecture 004, \"Rethinking generalization\"",
                    "random-labels", Map.of(), 0, 30),
            new Preset("Halfspaces, then their intersections",
                    "Two spirals, a net of three tanh layers of 8 units. On the diagram each unit of the first "
                            + "layer shows a soft halfspace — one straight boundary; the second layer's units combine "
                            + "them into wedges and bands, the third into the spiral arms the big map shows. Click the "
                            + "map to add points and see the boundary bend to them.",
                    "Lecture 003, \"Multilayer Neural Networks\", \"Example\"; tensorflow/playground",
                    "classifier-playground", Map.of(), 0, 30),
            new Preset("Circles: no line separates them, x₁² and x₂² do",
                    "A net with no hidden layer draws straight boundaries only, and cannot separate a ring from "
                            + "its centre from x₁ and x₂. Give it the features x₁² and x₂² and one linear unit "
                            + "suffices: the boundary x₁² + x₂² = r² is a line in those features.",
                    "Lecture 003, \"Multilayer Neural Networks\" (halfspaces); tensorflow/playground",
                    "classifier-playground", Map.of("data", "circles", "hidden", "", "features", "x1,x2,x1sq,x2sq"), 0, 30),
            new Preset("Wide nets train lazily",
                    "Five depth-2 ReLU nets, 16 to 4096 units wide, fit the same twelve points by gradient descent. "
                            + "Lower left: the wider the net, the less its weights move (the dashed 1/√width slope) "
                            + "and the less its tangent kernel changes. Upper right: at init the wide nets' kernels "
                            + "already lie on the infinite-width formula. Upper left: the widest net's fit follows its "
                            + "linearization — kernel regression with the NTK.",
                    "Lecture 001, Vignette 1 (Jacot et al. 2018; Arora et al. 2019)",
                    "ntk", Map.of(), 0, 30),
            new Preset("Hinges that move: a trained depth-2 net",
                    "A depth-2 ReLU net of 16 units learns sin πx. Each dot is one unit's breakpoint: watch them "
                            + "drift to where the curve bends most. Below, nets of 2 to 64 units trained alongside: "
                            + "their sup error falls with the width, next to the explicit interpolant with the same "
                            + "number of units and lecture 002's guarantee 8RL/m.",
                    "Lecture 002, \"Depth-2 Networks Are Universal\", \"Quantitative bounds for ReLU depth-2 networks\"",
                    "universal-approx", Map.of(), 0, 30),
            // the student's microscope (issue 14)
            new Preset("Backpropagation, one sub-step at a time",
                    "The slide's small network (2-3-2-1, sigmoid, square loss) learns one example. Each frame is one "
                            + "line of the pseudo-code: the forward pass fills in o layer by layer, the loss, then δ "
                            + "flows back from the output, the gradients δ_t o_{t−1}ᵀ appear on the edges beside their "
                            + "finite-difference checks, and the update moves every weight. Press ← to replay a line.",
                    "Lecture 003, \"Back-Propagation: Pseudo-code\"; lecture 002, \"Computing the Gradient by "
                            + "Backpropagation\"",
                    "backprop-steps", Map.of(), 0, 1)
                    .asking("The loss is computed. Which δ does back-propagation compute first?", 4, 1,
                            "δ₁, at the input side", "δ₃, at the output", "every δ at once"),
            new Preset("Sigmoid at depth 20: the first layers do not learn",
                    "A 20-layer sigmoid network with Xavier's init. Left, the gradient norm of each layer on a log "
                            + "scale: each layer back multiplies δ by σ′ ≤ ¼, so the first layer's gradient is about "
                            + "10⁻¹² of the last's and gradient descent barely moves it. Compare tanh and ReLU + He in "
                            + "the next two demos (or pin this run).",
                    "Lecture 003, \"Comparing Activation Functions\"; Glorot & Bengio 2010",
                    "activations", Map.of(), 0, 10)
                    .asking("Which layer's weights get the smallest gradient?", 1, 0,
                            "layer 1, next to the input", "layer 20, the output", "all alike"),
            new Preset("tanh at depth 20",
                    "The same network with tanh: σ′(0) = 1, so with Xavier's init the gradient stays within a "
                            + "factor of a few from the last layer to the first, and the outputs of the deep layers "
                            + "keep their spread instead of collapsing to the sigmoid's ½.",
                    "Lecture 003, \"Common Activation Functions\"; Glorot & Bengio 2010",
                    "activations", Map.of("activation", "tanh"), 0, 10),
            new Preset("ReLU with He init keeps gradients level",
                    "ReLU passes half of the units with slope 1; He's variance 2/fan_in doubles the other half "
                            + "back, so the gradient norm is level across all 20 layers (the first layer's over the "
                            + "last's stays near 1) and every layer learns from the first step.",
                    "Lecture 003, \"Common Activation Functions\"; He, Zhang, Ren & Sun 2015",
                    "activations", Map.of("activation", "relu", "init", "he"), 0, 10)
                    .asking("How does the first layer's gradient compare with the last layer's?", 1, 1,
                            "about 10⁻¹² times smaller", "about the same", "about 10¹² times larger"),
            new Preset("Sigmoid, tanh and ReLU side by side",
                    "Three 20-layer nets on the same data from the same seed, trained in lockstep: sigmoid and tanh "
                            + "with Xavier's init, ReLU with He's. Top left, each layer's gradient norm on one log "
                            + "scale (dashed: at init): sigmoid's falls by about 10¹² towards the input, tanh's a "
                            + "little, ReLU's stays level. As they train, ReLU's stays level while the sigmoid net "
                            + "settles on what its last layers can fit and its gradients fade everywhere. Bottom left, "
                            + "σ′ of each (colours as in the legend above): the sigmoid's never exceeds ¼.",
                    "Lecture 003, \"Comparing Activation Functions\"; Glorot & Bengio 2010; He, Zhang, Ren & Sun 2015",
                    "activations", Map.of("compare", "on"), 0, 10));

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

}
