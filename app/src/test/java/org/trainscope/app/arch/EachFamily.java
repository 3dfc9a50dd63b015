package org.trainscope.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/** Rules made once per family. */
final class EachFamily {
    private EachFamily() {
    }

    /** No class of family f (under {@code root}) depends on another family g (under {@code root}). */
    static ArchRule importsNoOther(String root, String[] families) {
        return importsNoOther(root, families, root);
    }

    /** No class of family f under {@code sourceRoot} depends on a family g ≠ f under {@code targetRoot}. */
    static ArchRule importsNoOther(String targetRoot, String[] families, String sourceRoot) {
        List<ArchRule> rules = new ArrayList<>();
        for (String f : families) {
            List<String> others = new ArrayList<>();
            for (String g : families) {
                if (!g.equals(f)) {
                    others.add(targetRoot + "." + g + "..");
                }
            }
            rules.add(noClasses().that().resideInAPackage(sourceRoot + "." + f + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others.toArray(new String[0])));
        }
        return CompositeArchRule.of(rules)
                .as("each family under " + sourceRoot + " uses no other family under " + targetRoot);
    }
}
