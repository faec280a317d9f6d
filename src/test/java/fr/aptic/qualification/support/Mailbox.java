package fr.aptic.qualification.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the local SMTP server (GreenMail) received, as the person it was sent to reads it. */
public final class Mailbox {

    private static final long WAIT_MILLIS = 20_000;

    private Mailbox() {}

    /**
     * The local SMTP server of a test class, on the port the build reserved ({@code aptic.test.smtp-port}, which
     * application-test.yaml sends the mails to; 3025 when a test runs outside Maven), kept for the whole class.
     */
    public static GreenMailExtension server() {
        int port = Integer.getInteger("aptic.test.smtp-port", 3025);
        return new GreenMailExtension(new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    /** The decoded body of the first mail sent to that address, waiting up to 20 s for it (the outbox polls). */
    public static String bodyTo(GreenMailExtension mail, String address) {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < until) {
            Optional<String> body = Arrays.stream(mail.getReceivedMessages())
                    .filter(message -> sentTo(message, address))
                    .findFirst()
                    .map(Mailbox::body);
            if (body.isPresent()) {
                return body.get();
            }
            mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + address);
    }

    /** The invitation in the mail a campaign's candidate received: the campaign's id and the invitation token. */
    public record Invitation(String campaignId, String token) {}

    private static final Pattern INVITATION =
            Pattern.compile("/api/campaigns/([0-9a-f-]{36})/applications\\?invitation=([A-Za-z0-9_-]+)");

    public static Invitation invitationTo(GreenMailExtension mail, String address) {
        String body = bodyTo(mail, address);
        Matcher link = INVITATION.matcher(body);
        if (!link.find()) {
            throw new AssertionError("no invitation link in: " + body);
        }
        return new Invitation(link.group(1), link.group(2));
    }

    /**
     * The decoded body of the latest mail with this subject sent to that address, waiting up to 20 s for it: the
     * outbox strips a link's token once the mail is sent, so the SMTP server is where a test reads it.
     */
    public static String latestBodyTo(GreenMailExtension mail, String address, String subject) {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < until) {
            Optional<String> body = Arrays.stream(mail.getReceivedMessages())
                    .filter(message -> sentTo(message, address) && subject.equals(subjectOf(message)))
                    .reduce((first, second) -> second)
                    .map(Mailbox::body);
            if (body.isPresent()) {
                return body.get();
            }
            mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail '" + subject + "' to " + address);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equals(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }
}
