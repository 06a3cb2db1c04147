package org.openreturns.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.collections.CollectionSetup;
import org.openreturns.server.collections.Dates;
import org.openreturns.server.requests.FileRequests;
import org.springframework.beans.factory.annotation.Value;
import org.openreturns.server.identity.Role;
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
 * that UPN checks pass), its schools from a GIAS-format file (and made-up ones beyond it when
 * {@code openreturns.demo-schools} asks for more, as the load test does), a user for every role, an API token per
 * school, and two academic years of collections with file requests issued: last year's, complete, and this year's,
 * open now. {@link DemoUploads} then fills them with synthetic returns. Never on an external database, and never
 * twice: it only runs while there are no schools.
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
    private static final Actor SEEDER = Actor.system("demo data");

    private final boolean enabled;
    private final int extraSchoolsUpTo;
    private final SchoolRepository schools;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;
    private final CollectionSetup setup;
    private final FileRequests requests;
    private final Clock clock;

    DemoSeeder(DatabaseMode mode, OpenReturnsProperties properties,
            @Value("${openreturns.demo-schools:0}") int demoSchools, SchoolRepository schools,
            UserRepository users, PasswordEncoder passwords, ApiTokens tokens, CollectionSetup setup,
            FileRequests requests, Clock clock) {
        this.enabled = mode.embedded() && properties.demo();
        this.extraSchoolsUpTo = demoSchools;
        this.schools = schools;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.setup = setup;
        this.requests = requests;
        this.clock = clock;
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
        List<GiasImport.GiasSchool> all = new ArrayList<>(gias.schools());
        for (int n = all.size() + 1; n <= extraSchoolsUpTo; n++) {
            all.add(madeUpSchool(n));
        }
        List<Long> ids = all.stream().map(schools::upsert).toList();
        String hash = passwords.encode(PASSWORD);
        for (DemoUser u : USERS) {
            users.create(u.email(), u.name(), hash, u.role(), u.schoolIndex() == null ? null : ids.get(u.schoolIndex()));
        }
        // The n-th demo school's token is "demo-token-n", so that scripts and vendors can try the API at once.
        for (int n = 1; n <= ids.size(); n++) {
            tokens.store(ids.get(n - 1), "Demo token", null, "demo-token-" + n);
        }
        LocalDate today = LocalDate.now(clock);
        int thisYear = AcademicYear.containing(today).summerYear();
        issueYear(thisYear - 1, kind -> Dates.typical(kind, thisYear - 1));
        issueYear(thisYear, kind -> openNow(kind, today));
        log.info("Demo data seeded: {} schools, {} users (password '{}'), collections for {} and {}", ids.size(),
                USERS.size(), PASSWORD, thisYear - 1, thisYear);
    }

    private void issueYear(int summerYear, Function<Collection, Dates> datesOf) {
        Map<Collection, Dates> dates = new EnumMap<>(Collection.class);
        for (Collection kind : Collection.values()) {
            dates.put(kind, datesOf.apply(kind));
        }
        List<Long> ids = setup.createYear(summerYear, dates, SEEDER);
        int k = 0;
        for (Collection kind : dates.keySet()) {
            String title = kind.title() + " " + AcademicYear.ofSummer(summerYear).label();
            requests.issueAll(ids.get(k++), title, "Upload the CTF your MIS exports for this collection. Correct "
                    + "any errors, explain any queries, and upload again until the file is checked.",
                    dates.get(kind).laDeadline(), SEEDER);
        }
    }

    /**
     * This year's collections are open on whatever day the demo starts, with deadlines a few weeks ahead, so that
     * the demo always shows a collection in progress rather than one months away or long finished.
     */
    static Dates openNow(Collection kind, LocalDate today) {
        int offset = kind.ordinal() * 2;
        return new Dates(today.minusDays(21), today.plusDays(21 + offset), today.plusDays(49 + offset));
    }

    /** Beyond the GIAS file: plainly made-up primary schools, numbered, for load tests of a larger LA. */
    private static GiasImport.GiasSchool madeUpSchool(int n) {
        return new GiasImport.GiasSchool(Integer.toString(200000 + n), LA_CODE, Integer.toString(3000 + n),
                "Demo School " + n, "Community school", "Primary", "Open", "DC1 " + (n % 9 + 1) + "AA", null, 4, 11);
    }
}
