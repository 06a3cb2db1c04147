package org.openreturns.server.submissions;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the container will parse would otherwise fail inside the security filters (the CSRF check
 * cannot read its token from a body that is refused) and show the school a bare "Forbidden". This answers it first,
 * by its declared length: the page goes back to the request with a message, the API gets a 413 problem document.
 * The body is read and discarded (up to a bound), so that the browser gets the answer rather than a reset connection.
 */
class OversizedUploadFilter extends OncePerRequestFilter {

    private static final Pattern PAGE_UPLOAD = Pattern.compile("/requests/(\\d+)/submissions");
    private static final long DRAIN_AT_MOST = 1024L * 1024 * 1024;

    private final long ceilingBytes;
    private final int maxFileMb;

    OversizedUploadFilter(long ceilingBytes, int maxFileMb) {
        this.ceilingBytes = ceilingBytes;
        this.maxFileMb = maxFileMb;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/") || ceilingBytes <= 0
                || request.getContentLengthLong() <= ceilingBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        drain(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher page = PAGE_UPLOAD.matcher(path);
        if (page.matches()) {
            response.sendRedirect(request.getContextPath() + "/requests/" + page.group(1) + "?too-large");
            return;
        }
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Upload refused\",\"status\":413,"
                + "\"detail\":\"The upload is larger than the service accepts (" + (ceilingBytes / (1024 * 1024))
                + " MB in one request, " + maxFileMb + " MB for one file). A CTF for one school is far smaller: "
                + "check that these are the right files.\"}");
    }

    private static void drain(HttpServletRequest request) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (InputStream in = request.getInputStream()) {
            int n;
            while (read < DRAIN_AT_MOST && (n = in.read(buffer)) > 0) {
                read += n;
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<OversizedUploadFilter> oversizedUploadFilter(MultipartProperties multipart,
                UploadLimits limits) {
            var registration = new FilterRegistrationBean<>(new OversizedUploadFilter(
                    multipart.getMaxRequestSize().toBytes(), limits.maxFileMb()));
            registration.addUrlPatterns("/requests/*", "/api/v1/file-requests/*");
            // Before Spring Security's filters, whose CSRF check would read the body.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
