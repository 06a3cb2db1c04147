package org.openreturns.server.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every e-mail the portal sends. A message is first written to the outbox in the caller's transaction, so it is
 * never lost and an administrator can always read it; when a mail server is configured it is then sent by SMTP,
 * only once that transaction has committed, so that a rolled-back action sends nothing.
 */
@Service
public class Mailer {

    private final JdbcClient jdbc;
    private final MailDelivery delivery;
    private final String baseUrl;

    Mailer(JdbcClient jdbc, MailDelivery delivery,
            @Value("${openreturns.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.delivery = delivery;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The absolute address of a portal path ("/requests/7"), as people reach the portal, for links in messages. */
    public String link(String path) {
        return baseUrl + path;
    }

    /** Queues a plain-text message; returns its outbox id. */
    public long send(String to, String subject, String body) {
        long id = jdbc.sql("""
                insert into outbox_mail (to_address, subject, body) values (:to, :subject, :body) returning id""")
                .param("to", to).param("subject", subject).param("body", body)
                .query(Long.class).single();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.deliverLater(id);
                }
            });
        } else {
            delivery.deliverLater(id);
        }
        return id;
    }
}
