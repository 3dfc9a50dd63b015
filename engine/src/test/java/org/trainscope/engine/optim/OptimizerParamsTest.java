package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
        assertEquals(OptimizerConfig.RULES.subList(0, 7), choice.options());
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
}
