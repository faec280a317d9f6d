package fr.aptic.qualification.notification;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues a mail in the same transaction as the change that causes it: if the change rolls back, no mail
 * leaves; if SMTP is down, the mail waits and nothing else fails.
 */
@Component
public class MailOutbox {

    private final JdbcClient jdbc;

    public MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(String recipient, String subject, String body) {
        jdbc.sql("insert into app_mail_outbox (recipient, subject, body, created_at) values (?, ?, ?, ?)")
                .params(recipient, subject, body, Timestamp.from(Instant.now()))
                .update();
    }

    /** Mails not sent yet that the sender will try again. */
    public long waiting() {
        return jdbc.sql("select count(*) from app_mail_outbox where sent_at is null and attempts < ?")
                .param(MailOutboxSender.MAX_ATTEMPTS)
                .query(Long.class)
                .single();
    }

    /** Mails given up after {@code MAX_ATTEMPTS} failed attempts. */
    public long givenUp() {
        return jdbc.sql("select count(*) from app_mail_outbox where sent_at is null and attempts >= ?")
                .param(MailOutboxSender.MAX_ATTEMPTS)
                .query(Long.class)
                .single();
    }
}
