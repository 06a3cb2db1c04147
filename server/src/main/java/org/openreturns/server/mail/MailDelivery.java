package org.openreturns.server.mail;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends outbox messages by SMTP when {@code spring.mail.host} is set, off the request thread so a slow mail server
 * never slows a page. A message is claimed before it is sent, so that several instances never send it twice; a
 * failure is recorded on the message and retried a few times, and an administrator can send it again.
 */
@Component
class MailDelivery {

    static final int MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final Optional<JavaMailSender> sender;
    private final TaskExecutor executor;
    private final String from;

    MailDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            @Value("${openreturns.mail.from:OpenReturns <no-reply@openreturns.invalid>}") String from) {
        this.jdbc = jdbc;
        this.sender = Optional.ofNullable(sender.getIfAvailable());
        this.executor = executor;
        this.from = from;
    }

    boolean configured() {
        return sender.isPresent();
    }

    void deliverLater(long id) {
        if (sender.isPresent()) {
            executor.execute(() -> deliver(id));
        }
    }

    /** Sends one message now if it is still unsent and no other instance holds it; true when it went. */
    boolean deliver(long id) {
        if (sender.isEmpty()) {
            return false;
        }
        Optional<OutboxMessage> claimed = jdbc.sql("""
                update outbox_mail set attempts = attempts + 1, last_attempt_at = now()
                where id = :id and sent_at is null
                  and (last_attempt_at is null or last_attempt_at < now() - interval '10 seconds')
                returning id, to_address, subject, body, created_at, sent_at, error, attempts""")
                .param("id", id).query(OutboxMessage::map).optional();
        return claimed.map(this::send).orElse(false);
    }

    /** Picks up messages whose send failed or that were queued while this instance was down. */
    @Scheduled(fixedDelayString = "${openreturns.mail.retry-every:PT5M}", initialDelayString = "PT1M")
    void retryUnsent() {
        if (sender.isEmpty()) {
            return;
        }
        List<OutboxMessage> due = jdbc.sql("""
                update outbox_mail set attempts = attempts + 1, last_attempt_at = now()
                where id in (select id from outbox_mail
                             where sent_at is null and attempts < :max
                               and (last_attempt_at is null or last_attempt_at < now() - interval '5 minutes')
                             order by created_at limit 20 for update skip locked)
                returning id, to_address, subject, body, created_at, sent_at, error, attempts""")
                .param("max", MAX_ATTEMPTS).query(OutboxMessage::map).list();
        due.forEach(this::send);
    }

    private boolean send(OutboxMessage message) {
        try {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(new InternetAddress(message.to(), true).getAddress());
            mail.setSubject(message.subject());
            mail.setText(message.body());
            sender.orElseThrow().send(mail);
            jdbc.sql("update outbox_mail set sent_at = now(), error = null where id = :id")
                    .param("id", message.id()).update();
            return true;
        } catch (Exception e) {
            log.warn("Could not send outbox message {} to {}: {}", message.id(), message.to(), e.toString());
            String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
            jdbc.sql("update outbox_mail set error = :error where id = :id")
                    .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                    .param("id", message.id()).update();
            return false;
        }
    }
}
