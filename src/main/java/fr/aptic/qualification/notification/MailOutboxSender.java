package fr.aptic.qualification.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends queued mails every second; a failed mail is retried on later rounds, up to a limit, and never lost. */
@Component
class MailOutboxSender {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxSender.class);
    static final int MAX_ATTEMPTS = 20;

    private final JdbcClient jdbc;
    private final JavaMailSender mailSender;
    private final String from;

    MailOutboxSender(JdbcClient jdbc, JavaMailSender mailSender, @Value("${aptic.mail.from}") String from) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.from = from;
    }

    private static final java.util.regex.Pattern TRACKING_TOKEN = java.util.regex.Pattern.compile("jeton=[^\\s]+");

    record PendingMail(long id, String recipient, String subject, String body, int attempts) {}

    @Scheduled(fixedDelayString = "${aptic.mail.poll-interval-ms:1000}", initialDelay = 1000)
    void sendPending() {
        List<PendingMail> pending = jdbc.sql("select id, recipient, subject, body, attempts from app_mail_outbox"
                        + " where sent_at is null and attempts < ? order by id")
                .param(MAX_ATTEMPTS)
                .query(PendingMail.class)
                .list();
        for (PendingMail mail : pending.subList(0, Math.min(pending.size(), 200))) {
            try {
                send(mail);
                // A sent mail is kept as a record, without the tracking token its link carried.
                jdbc.sql("update app_mail_outbox set sent_at = ?, attempts = attempts + 1, body = ? where id = ?")
                        .params(Timestamp.from(Instant.now()), redacted(mail.body()), mail.id())
                        .update();
            } catch (MailException | MessagingException e) {
                log.warn(
                        "Mail {} to {} not sent (attempt {}): {}",
                        mail.id(),
                        mail.recipient(),
                        mail.attempts() + 1,
                        e.getMessage());
                jdbc.sql("update app_mail_outbox set attempts = attempts + 1, last_error = ? where id = ?")
                        .params(
                                String.valueOf(e.getMessage())
                                        .substring(
                                                0,
                                                Math.min(
                                                        900,
                                                        String.valueOf(e.getMessage())
                                                                .length())),
                                mail.id())
                        .update();
                // SMTP is likely down: leave the rest for the next round.
                return;
            }
        }
    }

    private void send(PendingMail mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
        mailSender.send(message);
    }

    /** The body with the secret of every tracking link replaced. */
    static String redacted(String body) {
        return TRACKING_TOKEN.matcher(body).replaceAll("jeton=[retiré après envoi]");
    }
}
