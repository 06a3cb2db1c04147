package org.openreturns.server.web;

import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.platform.DatabaseMode;
import org.openreturns.server.platform.OpenReturnsProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user and whether this is demo data. */
@ControllerAdvice
class LayoutAdvice {

    private final boolean demo;

    LayoutAdvice(DatabaseMode mode, OpenReturnsProperties properties) {
        this.demo = mode.embedded() && properties.demo();
    }

    @ModelAttribute("demo")
    boolean demo() {
        return demo;
    }

    @ModelAttribute("currentUser")
    PortalUser currentUser(@AuthenticationPrincipal PortalUser user) {
        return user;
    }
}
