package org.openreturns.server.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/** One message in the outbox, sent or not. */
record OutboxMessage(long id, String to, String subject, String body, ZonedDateTime createdAt,
        ZonedDateTime sentAt, String error, int attempts) {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("to_address"), rs.getString("subject"),
                rs.getString("body"), london(rs.getObject("created_at", OffsetDateTime.class)),
                london(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("error"), rs.getInt("attempts"));
    }

    private static ZonedDateTime london(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(LONDON);
    }

    /** The body split at blank lines, as a page shows it. */
    public List<String> paragraphs() {
        return Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** "Sent", "Failed" or "Not sent" with its GOV.UK tag colour. */
    public String state() {
        if (sentAt != null) {
            return "Sent";
        }
        return error != null ? "Failed" : "Not sent";
    }

    public String tagClass() {
        if (sentAt != null) {
            return "govuk-tag--green";
        }
        return error != null ? "govuk-tag--red" : "govuk-tag--grey";
    }
}
