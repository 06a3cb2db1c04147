package org.openreturns.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.openreturns.server.accounts.Role;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.api.ApiTokens;
import org.openreturns.server.platform.DatabaseMode;
import org.openreturns.server.platform.OpenReturnsProperties;
import org.openreturns.server.schools.GiasImport;
import org.openreturns.server.schools.SchoolRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: on the first start of an embedded database, a fictional LA ("Demo City", with the real LA code 330 so
 * that UPN checks pass), its schools from a GIAS-format file, and a user for every role. Never on an external
 * database, and never twice: it only runs while there are no schools.
 */
@Component
class DemoSeeder implements ApplicationRunner {

    static final String LA_CODE = "330";
    static final String PASSWORD = "demo-password";

    /** The demo sign-ins the README lists. */
    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin@demo.openreturns.org", "Alex Admin", Role.LA_ADMIN, null),
            new DemoUser("officer@demo.openreturns.org", "Olu Officer", Role.LA_OFFICER, null),
            new DemoUser("moderator@demo.openreturns.org", "Morgan Moderator", Role.MODERATOR, null),
            new DemoUser("head1@demo.openreturns.org", "Hana Head", Role.HEADTEACHER, 0),
            new DemoUser("staff1@demo.openreturns.org", "Sam Staff", Role.SCHOOL_STAFF, 0),
            new DemoUser("head2@demo.openreturns.org", "Harry Head", Role.HEADTEACHER, 1),
            new DemoUser("staff2@demo.openreturns.org", "Sita Staff", Role.SCHOOL_STAFF, 1));

    record DemoUser(String email, String name, Role role, Integer schoolIndex) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final boolean enabled;
    private final SchoolRepository schools;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;

    DemoSeeder(DatabaseMode mode, OpenReturnsProperties properties, SchoolRepository schools, UserRepository users,
            PasswordEncoder passwords, ApiTokens tokens) {
        this.tokens = tokens;
        this.enabled = mode.embedded() && properties.demo();
        this.schools = schools;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || schools.count() > 0) {
            return;
        }
        GiasImport.Result gias;
        try (InputStream in = new ClassPathResource("demo/gias-demo.csv").getInputStream()) {
            gias = GiasImport.read(in, LA_CODE);
        }
        List<Long> ids = gias.schools().stream().map(schools::upsert).toList();
        String hash = passwords.encode(PASSWORD);
        for (DemoUser u : USERS) {
            users.create(u.email(), u.name(), hash, u.role(), u.schoolIndex() == null ? null : ids.get(u.schoolIndex()));
        }
        // The n-th demo school's token is "demo-token-n", so that scripts and vendors can try the API at once.
        for (int n = 1; n <= ids.size(); n++) {
            tokens.store(ids.get(n - 1), "Demo token", null, "demo-token-" + n);
        }
        log.info("Demo data seeded: {} schools and {} users (password '{}')", ids.size(), USERS.size(), PASSWORD);
    }
}
