package org.openreturns.server.submissions;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.mail.Mailer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * E-mails the receipt of an upload, so that a school holds its own proof of what it sent and when ("I thought I had
 * submitted" is the complaint this answers), and then the outcome of its first check, so that nobody has to sit
 * watching the page. A page upload's mail goes to the person who sent it; an upload by the API, which no person
 * signs, goes to the school's headteachers. It names files, checksums and counts, never pupils.
 */
@Component
class UploadMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final Clock clock;

    UploadMail(JdbcClient jdbc, Mailer mailer, Clock clock) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.clock = clock;
    }

    void send(Actor actor, long schoolId, Receipt receipt) {
        List<String> to = recipients(actor.channel(), actor.userId(), schoolId);
        if (to.isEmpty()) {
            return;
        }
        String title = jdbc.sql("select title from file_request where id = :id").param("id", receipt.fileRequestId())
                .query(String.class).single();
        StringBuilder files = new StringBuilder();
        for (Receipt.ReceivedFile f : receipt.files()) {
            files.append("- ").append(f.name()).append(f.archiveName() == null ? "" : " (from " + f.archiveName() + ")")
                    .append(", ").append(String.format(Locale.UK, "%,d", f.sizeBytes())).append(" bytes, SHA-256 ")
                    .append(f.sha256()).append('\n');
        }
        String body = """
                OpenReturns received version %d of your file for %s on %s, sent by %s%s.

                %s
                The checks run now: see their result, and keep this receipt, at
                %s
                """.formatted(receipt.version(), title, WHEN.format(receipt.receivedAt().atZone(clock.getZone())),
                receipt.receivedBy(), actor.channel() == Actor.Channel.API ? " through the API" : "", files,
                mailer.link("/submissions/" + receipt.submissionId()));
        for (String address : to) {
            mailer.send(address, "Receipt: " + title + ", version " + receipt.version(), body);
        }
    }

    /** The outcome of a version's first check (a re-check after a threshold change is not mailed again). */
    void checked(long submissionId, int pupils, int errors, int unexplainedQueries) {
        record Sent(String via, Long by, long schoolId, String title, int version) {
        }
        Sent sent = jdbc.sql("""
                select s.submitted_via, s.submitted_by, r.school_id, r.title, s.version
                from submission s join file_request r on r.id = s.file_request_id where s.id = :id""")
                .param("id", submissionId)
                .query((rs, n) -> new Sent(rs.getString(1), (Long) rs.getObject(2), rs.getLong(3), rs.getString(4),
                        rs.getInt(5)))
                .single();
        Actor.Channel channel = switch (sent.via()) {
            case "WEB" -> Actor.Channel.WEB;
            case "API" -> Actor.Channel.API;
            default -> Actor.Channel.SYSTEM;
        };
        List<String> to = recipients(channel, sent.by(), sent.schoolId());
        String outcome;
        if (errors > 0) {
            outcome = plural(errors, "error") + " to correct" + (unexplainedQueries > 0 ? " and "
                    + plural(unexplainedQueries, "query", "queries") + " to explain" : "")
                    + ". Correct the data in your MIS, export the CTF again and upload it.";
        } else if (unexplainedQueries > 0) {
            outcome = "no errors, and " + plural(unexplainedQueries, "query", "queries") + " to explain: "
                    + "explain each on the page, or correct the data and upload the file again.";
        } else {
            outcome = "no errors and no queries to explain. The LA can now accept it.";
        }
        for (String address : to) {
            mailer.send(address, "Checked: " + sent.title() + ", version " + sent.version(), """
                    Version %d of your file for %s has been checked: %s, %s

                    See the details at
                    %s
                    """.formatted(sent.version(), sent.title(), plural(pupils, "pupil"), outcome,
                    mailer.link("/submissions/" + submissionId)));
        }
    }

    private List<String> recipients(Actor.Channel channel, Long userId, long schoolId) {
        return switch (channel) {
            case WEB -> jdbc.sql("select email from app_user where id = :id and enabled")
                    .param("id", userId).query(String.class).list();
            case API -> jdbc.sql("""
                    select email from app_user where school_id = :s and role = 'HEADTEACHER' and enabled order by id""")
                    .param("s", schoolId).query(String.class).list();
            case SYSTEM -> List.of();
        };
    }

    private static String plural(int n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(int n, String one, String many) {
        return String.format(Locale.UK, "%,d", n) + " " + (n == 1 ? one : many);
    }
}
