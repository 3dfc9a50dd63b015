package org.trainscope.engine.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.arch.fixture.depth.Tent;
import org.trainscope.engine.arch.fixture.landscape.Racer;

/** The family rule is not vacuous: it reports a family that uses another one, and passes when none does. */
class RulesCanFailTest {
    @Test
    void aFamilyUsingAnotherIsReported() {
        JavaClasses classes = new ClassFileImporter().importClasses(Racer.class, Tent.class);
        EvaluationResult r = FamilyRules.familiesImportNeitherEachOtherNorTheWiring("org.trainscope.engine.arch.fixture",
                new String[] {"landscape", "depth"}).evaluate(classes);
        assertTrue(r.hasViolation());
        assertTrue(r.getFailureReport().toString().contains("Racer"), r.getFailureReport().toString());
    }

    @Test
    void aClassThatPrintsOutsideTheCliIsReported() {
        JavaClasses classes = new ClassFileImporter().importClasses(Racer.class, Tent.class);
        EvaluationResult r = LayeringTest.onlyTheCliPrints.evaluate(classes);
        assertTrue(r.hasViolation());
        assertTrue(r.getFailureReport().toString().contains("Tent"), r.getFailureReport().toString());
    }

    @Test
    void familiesThatStandAlonePass() {
        JavaClasses classes = new ClassFileImporter().importClasses(Tent.class);
        assertFalse(FamilyRules.familiesImportNeitherEachOtherNorTheWiring("org.trainscope.engine.arch.fixture",
                new String[] {"landscape", "depth"}).evaluate(classes).hasViolation());
    }
}
