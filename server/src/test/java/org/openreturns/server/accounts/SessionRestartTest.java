package org.openreturns.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.server.OpenReturnsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sessions live in PostgreSQL: someone signed in before the service restarts (a deployment, a crash) is still signed
 * in after it, and signing out ends the session for good.
 */
class SessionRestartTest {

    @TempDir
    static Path dataDir;

    // Any free port each time (a port chosen beforehand can be taken meanwhile, even by the embedded PostgreSQL):
    // cookies belong to a host, not a port, so the client's session cookie goes to the restarted service too.
    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OpenReturnsApplication.class).run("--openreturns.data-dir=" + dataDir,
                "--server.port=0", "--openreturns.jobs.workers=0");
    }

    private static String base(ConfigurableApplicationContext service) {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aSignedInOfficerIsStillSignedInAfterARestartAndSignedOutForGoodAfterSigningOut() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try (ConfigurableApplicationContext first = start()) {
            String base = base(first);
            String form = get(browser, base + "/sign-in").body();
            HttpResponse<String> signedIn = post(browser, base + "/sign-in", "email=officer%40demo.openreturns.org"
                    + "&password=demo-password&_csrf=" + csrf(form));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            assertThat(get(browser, base + "/la/collections").statusCode()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext second = start()) {
            String base = base(second);
            HttpResponse<String> page = get(browser, base + "/la/collections");
            assertThat(page.statusCode()).as("still signed in after the restart").isEqualTo(200);
            assertThat(page.body()).contains("Sign out");

            post(browser, base + "/sign-out", "_csrf=" + csrf(page.body()));
            HttpResponse<String> after = get(browser, base + "/la/collections");
            assertThat(after.statusCode()).isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String url, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
}
