package org.trainscope.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/** The rule that each family of experiments stands alone, for the engine's families and the app's alike. */
public final class FamilyRules {
    private FamilyRules() {
    }

    /**
     * No class of one family depends on another family, on the wiring packages, or on a class of the root package
     * itself (e.g. {@code Experiments}, {@code ExperimentViews}, {@code MainView}).
     */
    public static ArchRule familiesImportNeitherEachOtherNorTheWiring(String root, String[] families, String... wiring) {
        List<ArchRule> rules = new ArrayList<>();
        for (String family : families) {
            List<String> forbidden = new ArrayList<>();
            for (String other : families) {
                if (!other.equals(family)) {
                    forbidden.add(root + "." + other + "..");
                }
            }
            for (String w : wiring) {
                forbidden.add(root + "." + w + "..");
            }
            rules.add(noClasses().that().resideInAPackage(root + "." + family + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(forbidden.toArray(new String[0]))
                    .orShould().dependOnClassesThat(inPackage(root)).allowEmptyShould(true));
        }
        return CompositeArchRule.of(rules)
                .as("families import neither each other nor the wiring");
    }

    private static DescribedPredicate<JavaClass> inPackage(String name) {
        return DescribedPredicate.describe("reside in package " + name + " itself", c -> c.getPackageName().equals(name));
    }
}
