package org.openreturns.server.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openreturns.server.PortalTest;

/**
 * A journey through the pages in a real browser, against the same running service and database as every other
 * {@link PortalTest}, in the one Chromium all journeys share (a test method or {@code @BeforeEach} takes it as a
 * {@link Browser} parameter, signed out). Tagged {@code browser}, so a quick run may leave them out with
 * {@code -DexcludedGroups=browser}; the build runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PortalTest
@Tag("browser")
@ExtendWith(SharedBrowser.class)
@interface BrowserJourney {
}
