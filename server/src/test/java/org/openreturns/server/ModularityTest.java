package org.openreturns.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each direct sub-package of the server is a feature (a Spring Modulith module). verify() fails the build when the
 * features' imports form a cycle or one feature reaches into another's sub-packages (its internals).
 */
class ModularityTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.openreturns.server");

    private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe("controllers",
            c -> !c.isAnnotation() && (c.isAnnotatedWith(Controller.class) || c.isAnnotatedWith(RestController.class)));

    @Test
    void featuresDependOnEachOtherWithoutCyclesAndOnlyThroughTheirApi() {
        ApplicationModules.of(OpenReturnsApplication.class).verify();
    }

    /** Controllers ask services; SQL in a controller is how tables end up with several writers. */
    @Test
    void controllersHoldNoSql() {
        noClasses().that(CONTROLLERS)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(SERVER);
    }

    /** A controller never calls another controller: what two pages share belongs in a view model or service. */
    @Test
    void controllersDoNotCallEachOther() {
        noClasses().that(CONTROLLERS).should().dependOnClassesThat(CONTROLLERS).check(SERVER);
    }
}
