package org.openreturns.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and the start page after signing in. */
@Controller
class HomeController {

    @GetMapping("/sign-in")
    String signIn(@RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        model.addAttribute("signInError", error != null);
        model.addAttribute("signedOut", signedOut != null);
        return "sign-in";
    }

    @GetMapping("/")
    String home() {
        return "home";
    }
}
