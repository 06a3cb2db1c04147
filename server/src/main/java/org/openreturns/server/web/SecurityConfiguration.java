package org.openreturns.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openreturns.server.identity.PortalUser;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Pages need a signed-in user; the sign-in page, GOV.UK assets and the health check do not. Passwords are stored
 * with the delegating encoder (bcrypt today), so the hash can be strengthened later without a reset.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/sign-in", "/assets/**", "/webjars/**", "/css/**", "/actuator/health/**",
                                "/actuator/health", "/error", "/password-reset", "/password-reset/**")
                        .permitAll()
                        // The LA's pages: moderators may look, only LA admins and officers may change anything.
                        .requestMatchers(HttpMethod.GET, "/la/collections", "/la/collections/{id:[0-9]+}",
                                "/la/collections/{id:[0-9]+}/schools.csv", "/la/requests/{id:[0-9]+}", "/la/schools",
                                "/la/collections/{id:[0-9]+}/report", "/la/collections/{id:[0-9]+}/report.csv",
                                "/la/collections/{id:[0-9]+}/report.xlsx",
                                "/la/collections/{id:[0-9]+}/report/years", "/la/collections/{id:[0-9]+}/report/groups",
                                "/la/collections/{id:[0-9]+}/report/groups.csv",
                                "/la/collections/{id:[0-9]+}/report/groups.xlsx",
                                "/la/collections/{id:[0-9]+}/report/groups.pdf",
                                "/la/collections/{id:[0-9]+}/report/years.pdf",
                                "/la/collections/{id:[0-9]+}/report/years.csv",
                                "/la/collections/{id:[0-9]+}/report/years.xlsx",
                                "/la/collections/{id:[0-9]+}/report.pdf",
                                "/la/collections/{id:[0-9]+}/school-reports.zip")
                        .hasAnyRole("LA_ADMIN", "LA_OFFICER", "MODERATOR")
                        .requestMatchers("/la/**").hasAnyRole("LA_ADMIN", "LA_OFFICER")
                        .anyRequest().authenticated())
                // A school user is told nothing exists under /la/, so no school learns of another's data.
                .exceptionHandling(errors -> errors.defaultAccessDeniedHandlerFor(
                        SecurityConfiguration::notFoundForSchoolUsers, PathPatternRequestMatcher.pathPattern("/la/**")))
                .formLogin(form -> form.loginPage("/sign-in").usernameParameter("email")
                        .passwordParameter("password").defaultSuccessUrl("/", true)
                        .failureUrl("/sign-in?error").permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "font-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    private static void notFoundForSchoolUsers(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException denied) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean laStaff = auth != null && auth.getPrincipal() instanceof PortalUser user && user.isLaStaff();
        response.sendError(laStaff ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
