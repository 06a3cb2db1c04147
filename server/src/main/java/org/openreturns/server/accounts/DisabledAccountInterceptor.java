package org.openreturns.server.accounts;

import org.openreturns.server.identity.PortalUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Disabling an account takes effect at once: a session signed in before is ended on its next page, rather than
 * lasting until it times out.
 */
@Configuration(proxyBeanMethods = false)
class DisabledAccountInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private final UserRepository users;

    DisabledAccountInterceptor(UserRepository users) {
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/webjars/**", "/assets/**", "/sign-in",
                "/password-reset", "/password-reset/**", "/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user
                && !users.findById(user.id()).map(PortalUser::isEnabled).orElse(false)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/sign-in");
            return false;
        }
        return true;
    }
}
