package org.openreturns.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of the server is a feature (a Spring Modulith module). verify() fails the build when the
 * features' imports form a cycle or one feature reaches into another's sub-packages (its internals).
 */
class ModularityTest {

    @Test
    void featuresDependOnEachOtherWithoutCyclesAndOnlyThroughTheirApi() {
        ApplicationModules.of(OpenReturnsApplication.class).verify();
    }
}
