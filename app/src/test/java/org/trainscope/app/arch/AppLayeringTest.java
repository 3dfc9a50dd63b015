package org.trainscope.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The app's layering: no package cycles; each view family stands alone (only the wiring in the root package knows
 * them all); the player, the runner and the chart toolkit know no experiment family, of the app or the engine.
 */
@AnalyzeClasses(packages = "org.trainscope.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppLayeringTest {
    /** The view families; a new family is added here. */
    static final String[] FAMILIES = {"landscape", "depth", "spectrum", "stability", "optimization", "generalization", "microscope"};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.trainscope.app.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewFamiliesStandAlone = noClasses().that().resideInAnyPackage(families("org.trainscope.app"))
            .should().dependOnClassesThat().resideInAnyPackage("org.trainscope.app.session..", "org.trainscope.app.preset..",
                    "org.trainscope.app.params..")
            .orShould().dependOnClassesThat().haveNameMatching("org\\.trainscope\\.app\\.[A-Z].*");

    @ArchTest
    static final ArchRule viewFamiliesImportNoOtherFamily = EachFamily.importsNoOther("org.trainscope.app", FAMILIES);

    @ArchTest
    static final ArchRule engineFamiliesOnlyInTheirOwnViews = EachFamily.importsNoOther("org.trainscope.engine",
            FAMILIES, "org.trainscope.app");

    @ArchTest
    static final ArchRule playbackRunAndChartKnowNoFamily = noClasses().that()
            .resideInAnyPackage("org.trainscope.app.playback..", "org.trainscope.app.run..", "org.trainscope.app.chart..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(families("org.trainscope.app"),
                    families("org.trainscope.engine")));

    static String[] families(String root) {
        String[] out = new String[FAMILIES.length];
        for (int i = 0; i < FAMILIES.length; i++) {
            out[i] = root + "." + FAMILIES[i] + "..";
        }
        return out;
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
