package org.trainscope.engine.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;

/** function=custom: a typed formula, its gradient and Hessian by forward-mode AD, its errors by position. */
class CustomSurfaceTest {
    /**
     * The forward-mode gradient and Hessian against central differences of the value (h = 1e-5: truncation
     * h²·|f'''| ≈ 1e-9 for these formulas on [−1.5, 1.5]², rounding ε·|f|/h ≈ 1e-10 for the gradient, ε|f|/h² ≈ 1e-5
     * for second differences of the value — so the Hessian is checked on differences of the AD gradient instead,
     * rounding ε|∇f|/h ≈ 1e-10): tolerance 1e-6.
     */
    @Test
    void gradientAndHessianMatchFiniteDifferences() {
        List<String> formulas = List.of(Surface.Custom.EXAMPLE, "sin(x1)*exp(-x2^2/2) + sqrt(x1^2 + x2^2 + 1)",
                "log(1 + x1^2) * tanh(x2) - x1/(2 + cos(x2)) + 2^x1", "(x1^2 - 1)^2 + (x1^2*x2 - x1 - 1)^2");
        double h = 1e-5;
        for (String text : formulas) {
            Surface.Custom f = new Surface.Custom(Formula.parse(text));
            for (double[] p : new double[][] {{0.3, -0.7}, {-1.2, 0.4}, {1.1, 1.3}}) {
                double[] g = new double[2];
                f.gradient(p[0], p[1], g);
                double d1 = (f.value(p[0] + h, p[1]) - f.value(p[0] - h, p[1])) / (2 * h);
                double d2 = (f.value(p[0], p[1] + h) - f.value(p[0], p[1] - h)) / (2 * h);
                assertEquals(d1, g[0], 1e-6 * Math.max(1, Math.abs(d1)), text + " ∂₁");
                assertEquals(d2, g[1], 1e-6 * Math.max(1, Math.abs(d2)), text + " ∂₂");
                double[] hess = f.hessian(p[0], p[1]);
                double[] gp = new double[2];
                double[] gm = new double[2];
                f.gradient(p[0] + h, p[1], gp);
                f.gradient(p[0] - h, p[1], gm);
                assertEquals((gp[0] - gm[0]) / (2 * h), hess[0], 1e-6 * Math.max(1, Math.abs(hess[0])), text + " h₁₁");
                assertEquals((gp[1] - gm[1]) / (2 * h), hess[1], 1e-6 * Math.max(1, Math.abs(hess[1])), text + " h₁₂");
                f.gradient(p[0], p[1] + h, gp);
                f.gradient(p[0], p[1] - h, gm);
                assertEquals((gp[1] - gm[1]) / (2 * h), hess[2], 1e-6 * Math.max(1, Math.abs(hess[2])), text + " h₂₂");
            }
        }
    }

    /** Operator precedence as a lecturer expects: −x^2 = −(x²), 2^3^2 = 2^9, 1 − 2 − 3 = −4, 8/2/2 = 2. */
    @Test
    void precedenceIsTheUsualOne() {
        assertEquals(-4, Formula.parse("-x1^2").value(2, 0), 0);
        assertEquals(512, Formula.parse("2^3^2").value(0, 0), 0);
        assertEquals(-4, Formula.parse("1 - 2 - 3").value(0, 0), 0);
        assertEquals(2, Formula.parse("8/2/2").value(0, 0), 0);
        assertEquals(7, Formula.parse("1 + 2*3").value(0, 0), 0);
        assertEquals(Math.PI * 1e-3, Formula.parse("pi*1e-3").value(0, 0), 0);
    }

    @Test
    void aBadFormulaIsRefusedAtTheFieldWithThePositionOfTheError() {
        Formula.SyntaxException e = assertThrows(Formula.SyntaxException.class, () -> Formula.parse("x1^4 - * x2"));
        assertEquals(8, e.position());
        assertEquals(6, assertThrows(Formula.SyntaxException.class, () -> Formula.parse("x1 + y")).position());
        assertEquals(11, assertThrows(Formula.SyntaxException.class, () -> Formula.parse("sin(x1 + 1")).position());
        ParamException p = assertThrows(ParamException.class,
                () -> LandscapeExperiment.TYPE.defaults().with("formula", "x1 + (x2"));
        assertTrue(p.getMessage().startsWith("formula: ") && p.getMessage().contains("position 9"), p.getMessage());
    }

    /** GD on the custom f = x1^2 + 3*x2^2 follows (1 − 2η)^t and (1 − 6η)^t, as on the built-in quadratic (1e-12). */
    @Test
    void theLandscapeRacesOnATypedFormula() {
        Params p = LandscapeExperiment.TYPE.defaults().with("function", "custom").with("formula", "x1^2 + 3*x2^2")
                .with("optimizers", "gd").with("x1", "1").with("x2", "1").with("lr", "0.05");
        Experiment e = LandscapeExperiment.TYPE.create(p, 0);
        Frame f = e.frame();
        for (int t = 1; t <= 50; t++) {
            f = e.step();
            assertEquals(Math.pow(0.9, t), f.scalar("gd.x1"), 1e-12);
            assertEquals(Math.pow(0.7, t), f.scalar("gd.x2"), 1e-12);
        }
        assertEquals("custom", p.choice("function"));
        assertEquals("x1^2 + 3*x2^2", p.text("formula"), "saved as typed, for sessions and presets");
    }
}
