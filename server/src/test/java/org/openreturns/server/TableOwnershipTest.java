package org.openreturns.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: only the feature that owns a table writes it; the others ask that feature or tell it through
 * events. Read from the main sources, since SQL lives in strings that no import shows.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/org/openreturns/server");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table -> the feature (direct sub-package of the server) that writes it. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("app_user", "accounts"), Map.entry("password_reset", "accounts"),
            Map.entry("api_token", "api"),
            Map.entry("audit_event", "audit"),
            Map.entry("collection", "collections"), Map.entry("collection_school", "collections"),
            Map.entry("expected_pupil", "cohorts"), Map.entry("cohort_load", "cohorts"),
            Map.entry("job", "jobs"),
            Map.entry("outbox_mail", "mail"),
            Map.entry("national_figure", "reports"), Map.entry("report_setting", "reports"),
            Map.entry("report_publication", "reports"),
            Map.entry("file_request", "requests"), Map.entry("declined_replacement", "requests"),
            Map.entry("mover_resolution", "movers"),
            Map.entry("school", "schools"),
            Map.entry("submission", "submissions"), Map.entry("submission_file", "submissions"),
            Map.entry("finding", "checks"), Map.entry("pupil_result", "checks"),
            Map.entry("pupil_outcome", "checks"), Map.entry("outcome_backfill", "checks"));

    /**
     * Known exceptions, each with its reason. The school's explanation of a query is written by submissions, whose
     * pages take it, onto the finding checks wrote: it should become a table of its own (explanation by finding key).
     */
    private static final Map<String, String> ALSO_WRITTEN_BY = Map.of("finding", "submissions/SubmissionService.java");

    private static final Pattern WRITE = Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_]+)");

    @Test
    void everyTableOfTheSchemaHasAnOwner() throws IOException {
        Pattern create = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)");
        Pattern drop = Pattern.compile("(?i)drop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_]+)");
        TreeSet<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.sorted().toList()) {
                String sql = Files.readString(file);
                create.matcher(sql).results().forEach(m -> tables.add(m.group(1).toLowerCase()));
                drop.matcher(sql).results().forEach(m -> tables.remove(m.group(1).toLowerCase()));
            }
        }
        tables.removeIf(t -> t.startsWith("spring_session")); // Spring Session's own, written by it alone
        assertThat(OWNERS.keySet()).containsAll(tables);
    }

    @Test
    void onlyTheOwnerWritesATable() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                String feature = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                Matcher m = WRITE.matcher(Files.readString(file));
                while (m.find()) {
                    String owner = OWNERS.get(m.group(1).toLowerCase());
                    boolean excepted = relative.toString().equals(ALSO_WRITTEN_BY.get(m.group(1).toLowerCase()));
                    if (owner != null && !owner.equals(feature) && !excepted) {
                        trespasses.add(relative + " writes " + m.group(1) + ", owned by " + owner);
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }
}
