package org.craftline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.craftline.testing.NoDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The package structure CONTRIBUTING.md draws, held against the compiled classes: features on top
 * of packages named by their concern, and nothing underneath reaching back up.
 */
@NoDatabase
class ArchitectureTest {

    /** The packages of the service's features: what a request is about. */
    static final String[] FEATURES = {"..auth..", "..backup..", "..demo..", "..event..", "..export..",
            "..idempotency..", "..imports..", "..openapi..", "..ratelimit..", "..report..", "..rules..", "..task..",
            "..timer..", "..worker.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.craftline");

    @Test
    void packages_dependOnEachOtherWithoutCycles() {
        slices().matching("org.craftline.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void sharedConcerns_neverDependOnAFeature() {
        noClasses().that().resideInAnyPackage("..problem..", "..values..", "..db..", "..access..", "..http..", "..cli..",
                        "..logging..", "..files..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(MAIN);
    }

    /** A step's vocabulary and the rollups kept from steps are what tasks, imports and reports share. */
    @Test
    void stepsAndRollups_sitBelowEveryFeature() {
        noClasses().that().resideInAnyPackage("..step..", "..rollup..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(MAIN);
    }

    /** Every write runs through db/Transactions, which retries lost races: no other code opens a transaction. */
    @Test
    void transactions_areOpenedOnlyByTheOneRunner() {
        noClasses().that().resideOutsideOfPackage("..db..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(Jdbi.class).or(JavaClass.Predicates.assignableTo(Handle.class))))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                                "inTransaction|useTransaction|begin"))))
                .check(MAIN);
        // A SQL object's @Transaction opens one too, without the race retry.
        noMethods().should().beAnnotatedWith(org.jdbi.v3.sqlobject.transaction.Transaction.class).check(MAIN);
    }

    @Test
    void resources_useOnlyTheirOwnFeaturesDaos() {
        classes().that().haveSimpleNameEndingWith("Resource").should(useNoDaoOfAnotherPackage()).check(MAIN);
    }

    private static ArchCondition<JavaClass> useNoDaoOfAnotherPackage() {
        return new ArchCondition<>("use no other package's DAO") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                for (Dependency dependency : resource.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.getSimpleName().endsWith("Dao") && !target.getPackageName().equals(resource.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
