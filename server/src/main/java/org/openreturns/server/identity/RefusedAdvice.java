package org.openreturns.server.identity;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Renders {@link Refused} as a page with its status. */
@ControllerAdvice
class RefusedAdvice {

    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused refused) {
        ModelAndView page = new ModelAndView("accounts/refused", refused.status());
        page.addObject("notFound", refused.status().value() == 404);
        return page;
    }
}
