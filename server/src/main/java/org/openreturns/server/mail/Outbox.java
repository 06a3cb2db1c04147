package org.openreturns.server.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the outbox: every message the portal has written, newest first. Delivery writes it ({@link MailDelivery}). */
@Service
class Outbox {

    /** One page of messages, and whether there is a page after it. */
    record Page(List<OutboxMessage> messages, int number, boolean hasNext) {
    }

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code number} (from 1) of {@code size} messages. */
    Page page(int number, int size) {
        List<OutboxMessage> rows = jdbc.sql("""
                select * from outbox_mail order by created_at desc, id desc limit :limit offset :offset""")
                .param("limit", size + 1).param("offset", (long) (number - 1) * size)
                .query(OutboxMessage::map).list();
        return new Page(rows.stream().limit(size).toList(), number, rows.size() > size);
    }

    Optional<OutboxMessage> find(long id) {
        return jdbc.sql("select * from outbox_mail where id = :id").param("id", id).query(OutboxMessage::map)
                .optional();
    }
}
