package org.trainscope.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The engine's layering, checked on its compiled classes: the math never sees the UI and only the CLI prints (STYLE
 * principles 1 and 12), the experiments API knows no
 * experiment, and each family of experiments stands alone (only the wiring — {@code Experiments}, {@code cli},
 * {@code bench}, {@code preset}, {@code session} — knows them all).
 */
@AnalyzeClasses(packages = "org.trainscope.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    /** The experiment families; a new family is added here. */
    static final String[] FAMILIES = {"landscape", "depth", "spectrum", "stability", "optimization", "generalization", "microscope"};

    @ArchTest
    static final ArchRule engineImportsNoJavaFx = noClasses().should().dependOnClassesThat()
            .resideInAPackage("javafx..").because("the engine runs headless, from tests, the CLI and the app alike");

    @ArchTest
    static final ArchRule onlyTheCliPrints = noClasses().that().resideOutsideOfPackage("org.trainscope.engine.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).because("library code logs through SLF4J");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.trainscope.engine.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule experimentApiKnowsNoFamilyAndNoBench = noClasses().that()
            .resideInAPackage("org.trainscope.engine.experiment..").should().dependOnClassesThat()
            .resideInAnyPackage(packages(FAMILIES, "bench", "cli", "preset", "session"));

    @ArchTest
    static final ArchRule familiesStandAlone = FamilyRules.familiesImportNeitherEachOtherNorTheWiring(
            "org.trainscope.engine", FAMILIES, "bench", "cli", "preset", "session");

    static String[] packages(String[] families, String... more) {
        String[] out = new String[families.length + more.length];
        for (int i = 0; i < families.length; i++) {
            out[i] = "org.trainscope.engine." + families[i] + "..";
        }
        for (int i = 0; i < more.length; i++) {
            out[families.length + i] = "org.trainscope.engine." + more[i] + "..";
        }
        return out;
    }
}
