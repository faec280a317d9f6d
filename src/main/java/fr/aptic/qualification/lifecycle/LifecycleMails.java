package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.notification.MailOutbox;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails of a qualification's life, in French: to the producer's contact (renewal notices with their link,
 * renewal, lapse, revocation, reinstatement) and to the hub of its territory (the reviewers of its group, by the
 * e-mail of their engine account).
 */
@Component
class LifecycleMails {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final MailOutbox outbox;
    private final IdentityService identity;
    private final SystemAuthority authority;
    private final String baseUrl;

    LifecycleMails(
            MailOutbox outbox,
            IdentityService identity,
            SystemAuthority authority,
            @Value("${aptic.mail.public-base-url}") String baseUrl) {
        this.outbox = outbox;
        this.identity = identity;
        this.authority = authority;
        this.baseUrl = baseUrl;
    }

    /** The page where the producer confirms or changes, with its renewal token. */
    String renewalUrl(String applicationId, String token) {
        return baseUrl + "/renouvellement/" + applicationId + "?jeton=" + token;
    }

    void renewalNotice(
            String to,
            String applicationId,
            String organisation,
            LocalDate validUntil,
            String token,
            String agreementOf) {
        String why = agreementOf == null
                ? "La qualification #APTIC de %s est valable jusqu'au %s."
                        .formatted(organisation, DAY.format(validUntil))
                : ("La convention de votre réseau %s prend fin le %s, et avec elle la qualification #APTIC de %s."
                                + " Si elle n'est pas prolongée, vous pouvez renouveler seul.")
                        .formatted(agreementOf, DAY.format(validUntil), organisation);
        outbox.enqueue(to, "Renouvelez votre qualification #APTIC avant le " + DAY.format(validUntil), """
                Bonjour,

                %s

                Confirmez en une étape que vos lieux, leurs horaires, vos services et les engagements de la charte
                sont toujours exacts, ou modifiez-les, à cette adresse :
                %s

                Sans confirmation à cette date, vos lieux quitteront la carte #APTIC.

                L'équipe #APTIC""".formatted(
                        why, renewalUrl(applicationId, token)));
    }

    void renewed(String to, String organisation, LocalDate validUntil) {
        outbox.enqueue(
                to, "Votre qualification #APTIC est renouvelée", """
                Bonjour,

                La qualification #APTIC de %s est renouvelée jusqu'au %s. Vos lieux restent sur la carte.

                L'équipe #APTIC""".formatted(organisation, DAY.format(validUntil)));
    }

    void lapsed(String to, String applicationId, String organisation, LocalDate graceEnds, String token) {
        outbox.enqueue(to, "Votre qualification #APTIC n'est plus valable", """
                Bonjour,

                La qualification #APTIC de %s n'a pas été renouvelée : elle est caduque et vos lieux ont quitté la
                carte. Vous pouvez encore la reprendre sans nouvelle demande, jusqu'au %s, en confirmant ici :
                %s

                L'équipe #APTIC""".formatted(
                        organisation, DAY.format(graceEnds), renewalUrl(applicationId, token)));
    }

    void ended(String to, String organisation, String why) {
        outbox.enqueue(to, "Votre qualification #APTIC prend fin", """
                Bonjour,

                La qualification #APTIC de %s prend fin : %s. Vos lieux ont quitté la carte.
                Vous pourrez déposer une nouvelle demande lorsque les conditions seront réunies.

                L'équipe #APTIC""".formatted(organisation, why));
    }

    void revoked(String to, String organisation, String reasonInWords, String comment) {
        outbox.enqueue(to, "Votre qualification #APTIC est révoquée", """
                Bonjour,

                L'équipe nationale #APTIC a révoqué la qualification de %s, pour ce motif : %s.
                %s
                Vos lieux ont quitté la carte. Seule une décision de l'équipe nationale peut vous réintégrer.

                L'équipe #APTIC""".formatted(
                        organisation, reasonInWords, comment == null || comment.isBlank() ? "" : comment + "\n"));
    }

    void reinstated(String to, String organisation) {
        outbox.enqueue(to, "Votre qualification #APTIC est rétablie", """
                Bonjour,

                L'équipe nationale #APTIC a rétabli la qualification de %s. Vos lieux sont de nouveau sur la carte.

                L'équipe #APTIC""".formatted(organisation));
    }

    /** Tells the reviewers of a hub's group what became of a producer of their territory. */
    void informHub(String group, String subject, String text) {
        if (group == null || !group.startsWith("hub-")) {
            return;
        }
        authority.runAnywhere(() -> identity.createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getEmail)
                .filter(Objects::nonNull)
                .filter(email -> !email.isBlank())
                .distinct()
                .forEach(email -> outbox.enqueue(email, subject, text + "\n\nL'équipe #APTIC")));
    }
}
