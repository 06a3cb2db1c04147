package org.openreturns.server.submissions;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openreturns.server.accounts.Actor;
import org.openreturns.server.mail.Mailer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * E-mails the receipt of an upload, so that a school holds its own proof of what it sent and when ("I thought I had
 * submitted" is the complaint this answers). A page upload's receipt goes to the person who sent it; an upload by
 * the API, which no person signs, goes to the school's headteachers. It names files and checksums, never pupils.
 */
@Component
class ReceiptMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final Clock clock;
    private final String baseUrl;

    ReceiptMail(JdbcClient jdbc, Mailer mailer, Clock clock,
            @Value("${openreturns.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    void send(Actor actor, long schoolId, Receipt receipt) {
        List<String> to = switch (actor.channel()) {
            case WEB -> jdbc.sql("select email from app_user where id = :id and enabled")
                    .param("id", actor.userId()).query(String.class).list();
            case API -> jdbc.sql("""
                    select email from app_user where school_id = :s and role = 'HEADTEACHER' and enabled order by id""")
                    .param("s", schoolId).query(String.class).list();
            case SYSTEM -> List.of();
        };
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
                %s/submissions/%d
                """.formatted(receipt.version(), title, WHEN.format(receipt.receivedAt().atZone(clock.getZone())),
                receipt.receivedBy(), actor.channel() == Actor.Channel.API ? " through the API" : "", files,
                baseUrl, receipt.submissionId());
        for (String address : to) {
            mailer.send(address, "Receipt: " + title + ", version " + receipt.version(), body);
        }
    }
}
