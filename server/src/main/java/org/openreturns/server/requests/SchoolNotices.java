package org.openreturns.server.requests;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openreturns.server.mail.Mailer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * E-mails a school's people when the LA asks it for a return or sends one back, so that a busy school hears of it
 * without watching the portal. Messages name the request and link to it; they never carry pupil data. They go to
 * every enabled account of the school, in the caller's transaction (the outbox sends them after it commits).
 */
@Component
class SchoolNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final JdbcClient jdbc;
    private final Mailer mailer;

    SchoolNotices(JdbcClient jdbc, Mailer mailer) {
        this.jdbc = jdbc;
        this.mailer = mailer;
    }

    void requestIssued(long schoolId, long requestId, String title, LocalDate deadline) {
        for (String to : recipients(schoolId)) {
            mailer.send(to, "File request: " + title, """
                    Your local authority has asked your school for a return: %s.

                    Please send it by %s. Export the Common Transfer File (CTF) from your MIS and upload it here:
                    %s

                    You will see at once whether the file has errors to correct or queries to explain.
                    """.formatted(title, DAY.format(deadline), link(requestId)));
        }
    }

    void requestReturned(long schoolId, long requestId, String title, String message) {
        for (String to : recipients(schoolId)) {
            mailer.send(to, "Returned to you: " + title, """
                    Your local authority has returned your school's file for %s, with this message:

                    %s

                    Please correct the data in your MIS, export the CTF again and upload it here:
                    %s
                    """.formatted(title, message, link(requestId)));
        }
    }

    private List<String> recipients(long schoolId) {
        return jdbc.sql("select email from app_user where school_id = :s and enabled order by id")
                .param("s", schoolId).query(String.class).list();
    }

    private String link(long requestId) {
        return mailer.link("/requests/" + requestId);
    }
}
