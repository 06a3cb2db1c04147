package org.openreturns.server;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security for @WebMvcTest slices: every request needs a signed-in user and a CSRF token, as in the portal, and
 * {@code @AuthenticationPrincipal} works. The portal's own chain (web.SecurityConfiguration) is package-private and
 * needs the accounts beans, and Boot 4 keeps its security test auto-configuration in spring-boot-security-test,
 * which the build does not have; who may use which page is tested with the real chain in the *PagesTest classes.
 */
@TestConfiguration
@EnableWebSecurity
public class SliceSecurity {

    @Bean
    SecurityFilterChain signedInOnly(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }
}
