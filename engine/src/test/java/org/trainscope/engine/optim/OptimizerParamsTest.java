package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.landscape.LandscapeExperiment;

/** The shared optimizer params: the landscape's names, ranges and defaults, read back into a configuration. */
class OptimizerParamsTest {
    private static final List<String> NAMES = List.of("optimizer", "lr", "momentum", "rho", "beta1", "beta2", "eps",
            "weight_decay", "schedule", "step_gamma", "step_every", "exp_c");

    @Test
    void specsAreTheChoiceOfRuleAndEveryHyperParameterWithTheGivenDefaults() {
        List<ParamSpec> specs = OptimizerParams.specs("sgdm", 0.05);
        assertEquals(NAMES, specs.stream().map(ParamSpec::name).toList());
        Params p = Params.defaults(specs);
        assertEquals("sgdm", p.choice("optimizer"));
        assertEquals(0.05, p.real("lr"), 0.0);
        ParamSpec.Choice choice = assertInstanceOf(ParamSpec.Choice.class, specs.get(0));
        assertEquals(OptimizerConfig.RULES.subList(0, OptimizerConfig.RULES.size() - 1), choice.options());
        assertEquals("flow", OptimizerConfig.RULES.get(OptimizerConfig.RULES.size() - 1));
        assertFalse(choice.options().contains("flow"), "the flow is the landscape's reference curve, not a trainer");
    }

    @Test
    void everySharedParamHasTheLandscapesNameRangeAndDefault() {
        // saved landscape sessions use these names and values: a trained experiment must read them alike
        List<ParamSpec> landscape = LandscapeExperiment.TYPE.params();
        for (ParamSpec shared : OptimizerParams.hyperSpecs(0.01)) {
            ParamSpec own = landscape.stream().filter(s -> s.name().equals(shared.name())).findFirst().orElseThrow();
            assertEquals(own.defaultValue(), shared.defaultValue(), shared.name());
            assertEquals(own.allowed(), shared.allowed(), shared.name());
        }
    }

    @Test
    void fromReadsEveryValueAndTheSchedule() {
        Params p = Params.defaults(OptimizerParams.specs("adam", 0.01)).withAll(Map.of("optimizer", "rmsprop",
                "lr", "0.2", "momentum", "0.5", "rho", "0.8", "beta1", "0.7", "beta2", "0.99", "eps", "1e-6",
                "weight_decay", "0.3", "schedule", "step", "step_gamma", "0.1"));
        OptimizerConfig c = OptimizerConfig.from(p.with("step_every", "4"));
        assertEquals(new OptimizerConfig("rmsprop", new LearningRate.StepDecay(0.2, 0.1, 4), 0.5, 0.8, 0.7, 0.99,
                1e-6, 0.3), c);
        assertEquals(new LearningRate.Exponential(0.2, 0.01),
                OptimizerConfig.from(p.with("schedule", "exponential").with("exp_c", "0.01")).lr());
        assertEquals("gd", OptimizerConfig.from(p, "gd").rule());
    }

    @Test
    void anExperimentOfferingOnlyTheRuleAndTheRateGetsTheSharedDefaults() {
        // as depth-separation does: optimizer and lr only
        Params p = Params.defaults(List.of(new ParamSpec.Choice("optimizer", "rule", "nesterov", List.of("gd", "nesterov")),
                new ParamSpec.Real("lr", "η", 0.02, 1e-6, 10)));
        assertEquals(OptimizerConfig.of("nesterov", 0.02), OptimizerConfig.from(p));
    }

    @Test
    void anExperimentsOwnSpecReplacesTheSharedOneInPlace() {
        ParamSpec lr = new ParamSpec.Real("lr", "η of the factors", 4e-3, 1e-7, 1);
        List<ParamSpec> specs = OptimizerParams.specs("gd", 4e-3, lr);
        assertEquals(NAMES, specs.stream().map(ParamSpec::name).toList());
        assertEquals(lr, specs.get(1));
        assertEquals("a number in [1.0E-7, 1]", specs.get(1).allowed());
        assertThrows(IllegalArgumentException.class,
                () -> OptimizerParams.specs("gd", 0.1, new ParamSpec.Real("eta", "η", 0.1, 0, 1)));
    }

    /** write is from's inverse, for every schedule; a value the params do not offer is refused, not dropped. */
    @Test
    void writeHandsAConfigurationOnThatFromReadsBack() {
        Params blank = Params.defaults(OptimizerParams.specs("momentum", 0.02));
        for (LearningRate lr : List.of(new LearningRate.Constant(0.3), new LearningRate.StepDecay(0.2, 0.1, 4),
                new LearningRate.Exponential(0.05, -0.01))) {
            OptimizerConfig c = new OptimizerConfig("adam", lr, 0.5, 0.8, 0.7, 0.99, 1e-6, 0.3);
            assertEquals(c, OptimizerConfig.from(OptimizerParams.write(blank, c)));
        }
        Params onlyRuleAndRate = Params.defaults(List.of(
                new ParamSpec.Choice("optimizer", "rule", "gd", OptimizerParams.TRAINED_RULES),
                new ParamSpec.Real("lr", "η", 0.02, 1e-6, 10)));
        OptimizerConfig plain = OptimizerConfig.of("nesterov", 0.5);
        assertEquals(plain, OptimizerConfig.from(OptimizerParams.write(onlyRuleAndRate, plain)));
        assertThrows(IllegalArgumentException.class,
                () -> OptimizerParams.write(onlyRuleAndRate, plain.withWeightDecay(0.1)));
    }
}
