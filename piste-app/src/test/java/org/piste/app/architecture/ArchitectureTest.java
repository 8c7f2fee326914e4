package org.piste.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.app.accounts.UserStore;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.imports.ImportService;
import org.piste.app.pipeline.Changes;
import org.piste.app.pipeline.Refresh;
import org.piste.app.referrals.ReferralDecisions;
import org.piste.app.referrals.ReferralImport;
import org.piste.app.resolve.DecisionStore;
import org.piste.app.web.ApiProblems;
import org.piste.app.web.PageProblems;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The house rules (issue 15) that hold today, kept by a test so that they keep holding. */
class ArchitectureTest {
    private static JavaClasses piste;

    @BeforeAll
    static void importClasses() {
        // Main classes of every module on the test class path (piste-core and piste-sim come as jars).
        piste = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.piste");
    }

    /** The core is framework-free and knows nothing of the shells around it. */
    @Test
    void coreImportsNeitherTheShellsNorAFramework() {
        noClasses().that().resideInAnyPackage("org.piste.model..", "org.piste.normal..", "org.piste.ingest..", "org.piste.resolve..",
                        "org.piste.screen..")
                .should().dependOnClassesThat().resideInAnyPackage("org.piste.app..", "org.piste.sim..", "org.piste.bench..",
                        "org.springframework..", "picocli..", "jakarta..", "java.sql..", "org.postgresql..")
                .check(piste);
    }

    /**
     * A past migration must do tomorrow what it did the day it was written: Java migrations import nothing from the
     * application (today's stores and rules would silently change what they do to an old database).
     */
    @Test
    void migrationsImportNothingFromTheApplication() {
        classes().that().resideInAPackage("org.piste.app.migration..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.piste.app.migration..", "java..", "org.flywaydb..",
                        "org.postgresql..")
                .check(piste);
    }

    /** The store is the way to the database, below every feature: it knows none of them. */
    @Test
    void storeImportsNoFeature() {
        classes().that().resideInAPackage("org.piste.app.store..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.piste.app.store..", "org.piste.app.migration..", "java..",
                        "javax..", "org.postgresql..", "org.flywaydb..", "io.zonky..", "com.zaxxer..", "tools.jackson..", "com.fasterxml..")
                .check(piste);
    }

    /** Features are used by the shells (command line, web), never the other way round. */
    @Test
    void featuresImportNeitherTheCommandLineNorTheWeb() {
        noClasses().that().resideInAnyPackage("org.piste.app.imports..", "org.piste.app.resolve..", "org.piste.app.entities..",
                        "org.piste.app.screen..", "org.piste.app.alerts..", "org.piste.app.referrals..", "org.piste.app.network..",
                        "org.piste.app.cases..", "org.piste.app.accounts..", "org.piste.app.pipeline..", "org.piste.app.store..",
                        "org.piste.app.search..", "org.piste.app.victims..")
                .should().dependOnClassesThat().resideInAnyPackage("org.piste.app.cli..", "org.piste.app.web..")
                .check(piste);
    }

    /**
     * One door for changes: only {@link Changes} stores a change (with its audit line, in the same transaction) and
     * refreshes what depends on it; a store's write called from anywhere else would skip both.
     */
    @Test
    void changesAreWrittenOnlyThroughTheOneDoor() {
        Map<String, Set<String>> writes = Map.of(AlertDecisions.class.getName(), Set.of("add"),
                DecisionStore.class.getName(), Set.of("add"), ReferralDecisions.class.getName(), Set.of("decide"),
                ReferralImport.class.getName(), Set.of("importFile"), ImportService.class.getName(), Set.of("importFile"),
                Refresh.class.getName(), Set.of("afterChange"));
        DescribedPredicate<JavaMethodCall> aWriteFromElsewhere = DescribedPredicate.describe(
                "a store's write or the refresh after it, from another class",
                call -> writes.getOrDefault(call.getTargetOwner().getName(), Set.of()).contains(call.getName())
                        && !call.getOriginOwner().equals(call.getTargetOwner()));
        noClasses().that().resideOutsideOfPackage("org.piste.app.pipeline..").should().callMethodWhere(aWriteFromElsewhere)
                .check(piste);
    }

    /**
     * Issue 16: an admin never chooses another user's password. The web and the API create accounts and reset
     * passwords through Activations (the holder sets the password); only the console sets one (first admin, demo).
     */
    @Test
    void theWebNeverSetsAPassword() {
        noClasses().that().resideInAPackage("org.piste.app.web..").should().callMethodWhere(DescribedPredicate.describe(
                "UserStore.create or UserStore.setPassword", call -> call.getTargetOwner().isEquivalentTo(UserStore.class)
                        && Set.of("create", "setPassword").contains(call.getName()))).check(piste);
    }

    /**
     * Issue 17: Search.find and CaseService.matching read without an audit line; only the search's own audited door
     * uses them (a call or a method reference alike).
     */
    @Test
    void onlyTheSearchLooksUpUnaudited() {
        noClasses().that().resideOutsideOfPackage("org.piste.app.search..").and().doNotHaveFullyQualifiedName(
                org.piste.app.cases.CaseService.class.getName()).should().accessTargetWhere(DescribedPredicate.describe(
                "Search.find or CaseService.matching", (JavaAccess<?> access) -> (access.getTargetOwner().isEquivalentTo(
                        org.piste.app.search.Search.class) && access.getName().equals("find"))
                        || (access.getTargetOwner().isEquivalentTo(org.piste.app.cases.CaseService.class)
                        && access.getName().equals("matching")))).check(piste);
    }

    @Test
    void noPackageCycle() {
        slices().matching("org.piste.(**)").should().beFreeOfCycles().check(piste);
    }

    /** One error shape: only the two advices turn exceptions into answers, not each controller its own way. */
    @Test
    void onlyTheTwoAdvicesHandleErrors() {
        methods().that().areAnnotatedWith(ExceptionHandler.class).should().beDeclaredInClassesThat()
                .belongToAnyOf(ApiProblems.class, PageProblems.class).check(piste);
    }
}
