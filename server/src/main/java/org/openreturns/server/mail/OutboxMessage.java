package org.openreturns.server.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One message in the outbox, sent or not. */
record OutboxMessage(long id, String to, String subject, String body, OffsetDateTime createdAt,
        OffsetDateTime sentAt, String error, int attempts) {

    static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("to_address"), rs.getString("subject"),
                rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getString("error"), rs.getInt("attempts"));
    }

    /** The body split at blank lines, as a page shows it. */
    List<String> paragraphs() {
        return Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** "Sent", "Failed" or "Not sent" with its GOV.UK tag colour. */
    String state() {
        if (sentAt != null) {
            return "Sent";
        }
        return error != null ? "Failed" : "Not sent";
    }

    String tagClass() {
        if (sentAt != null) {
            return "govuk-tag--green";
        }
        return error != null ? "govuk-tag--red" : "govuk-tag--grey";
    }
}
