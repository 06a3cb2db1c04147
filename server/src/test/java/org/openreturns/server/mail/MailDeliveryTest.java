package org.openreturns.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.server.testing.Eventually.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code spring.mail.host} set, mail goes out by SMTP (to a real in-process GreenMail server) after the outbox
 * row commits; a failed send keeps the message with its error and a later try sends it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openreturns.data-dir", dataDir::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("openreturns.base-url", () -> "https://returns.example.gov.uk");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aResetLinkArrivesBySmtpAndTheOutboxRecordsItAsSent() throws Exception {
        int before = smtp.getReceivedMessages().length;
        mvc.perform(post("/password-reset").param("email", "head2@demo.openreturns.org").with(csrf()))
                .andExpect(redirectedUrl("/password-reset/sent"));

        assertThat(smtp.waitForIncomingEmail(10_000, before + 1)).isTrue();
        // The demo's file requests also mail its schools: pick the reset out of whatever else has arrived.
        MimeMessage message = awaitReceived("head2@demo.openreturns.org", "Reset your OpenReturns password");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("head2@demo.openreturns.org");
        assertThat(GreenMailUtil.getBody(message)).contains("https://returns.example.gov.uk/password-reset/");

        OffsetDateTime sentAt = awaitSent("head2@demo.openreturns.org", "Reset your OpenReturns password");
        assertThat(sentAt).isNotNull();
    }

    @Test
    void aMessageWrittenInARolledBackTransactionIsNeitherKeptNorSent() throws Exception {
        transactions.executeWithoutResult(status -> {
            mailer.send("rolled-back@example.org", "Never", "Never sent");
            status.setRollbackOnly();
        });
        // A send starts as its transaction commits, so the rolled-back message's would have started before this
        // marker's: once the marker has arrived, the other has had its moment. The demo's own mail may arrive
        // meanwhile: only these addresses matter.
        transactions.executeWithoutResult(status -> mailer.send("after-rollback@example.org", "Marker", "Sent"));
        awaitReceived("after-rollback@example.org", "Marker");
        assertThat(smtp.getReceivedMessagesForDomain("example.org")).noneMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("rolled-back@example.org");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(jdbc.sql("select count(*) from outbox_mail where to_address = 'rolled-back@example.org'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFailedSendKeepsTheMessageWithItsErrorAndALaterTrySendsIt() throws Exception {
        long id = jdbc.sql("insert into outbox_mail (to_address, subject, body) values (:to, 'Retry', 'Body') "
                + "returning id").param("to", "retry@example.org").query(Long.class).single();

        JavaMailSenderImpl broken = new JavaMailSenderImpl();
        broken.setHost("127.0.0.1");
        broken.setPort(1);
        MailDelivery failing = delivery(broken);
        assertThat(failing.deliver(id)).isFalse();
        Map<String, Object> row = jdbc.sql("select sent_at, error, attempts from outbox_mail where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("sent_at")).isNull();
        assertThat((String) row.get("error")).contains("MailSendException");
        assertThat(row.get("attempts")).isEqualTo(1);

        jdbc.sql("update outbox_mail set last_attempt_at = now() - interval '1 hour' where id = :id")
                .param("id", id).update();
        int before = smtp.getReceivedMessages().length;
        JavaMailSenderImpl working = new JavaMailSenderImpl();
        working.setHost("127.0.0.1");
        working.setPort(smtp.getSmtp().getPort());
        assertThat(delivery(working).deliver(id)).isTrue();
        assertThat(smtp.waitForIncomingEmail(10_000, before + 1)).isTrue();
        assertThat(jdbc.sql("select error is null and sent_at is not null from outbox_mail where id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
        assertThat(delivery(working).deliver(id)).as("a sent message is never sent twice").isFalse();
    }

    private MailDelivery delivery(JavaMailSender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("sender", sender));
        return new MailDelivery(jdbc, beans.getBeanProvider(JavaMailSender.class), new SyncTaskExecutor(),
                "OpenReturns <no-reply@example.org>");
    }

    private MimeMessage awaitReceived(String to, String subject) {
        return await("\"" + subject + "\" to " + to + " received").until(() -> received(to, subject),
                Optional::isPresent).orElseThrow();
    }

    private Optional<MimeMessage> received(String to, String subject) throws MessagingException {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (subject.equals(m.getSubject()) && to.equals(m.getAllRecipients()[0].toString())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private OffsetDateTime awaitSent(String to, String subject) {
        return await("\"" + subject + "\" to " + to + " recorded as sent").until(() -> jdbc.sql("""
                select max(sent_at) from outbox_mail where to_address = :to and subject = :subject""")
                .param("to", to).param("subject", subject).query(OffsetDateTime.class).optional().orElse(null),
                Objects::nonNull);
    }
}
