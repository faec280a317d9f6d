package fr.aptic.qualification.notification;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The mails an applicant receives, in French, at each step that concerns them. */
@Component
public class ApplicantMails {

    private static final Map<String, String> REASON_LABELS = Map.ofEntries(
            Map.entry("SIRET_INVALID", "le numéro SIRET est invalide"),
            Map.entry("SIRET_NOT_PUBLIC", "l'établissement n'est pas diffusible au répertoire SIRENE"),
            Map.entry("OUTSIDE_FRANCE", "aucun lieu n'est situé en France"),
            Map.entry("NO_SERVICE", "aucun service de médiation numérique n'est proposé"),
            Map.entry("PHASE_NOT_OPEN", "un type de lieu n'est pas encore ouvert à la date de la demande"),
            Map.entry("CONVENTION_MISSING", "un lieu partenaire n'a pas de référence de convention"),
            Map.entry("NO_TRAINED_MEDIATOR", "aucun médiateur formé"),
            Map.entry("SCORE_TOO_LOW", "le score du questionnaire d'éligibilité est insuffisant"),
            Map.entry("CHARTER_VERSION", "la version de la charte n'est pas la version en vigueur"),
            Map.entry("INCORRECT", "des informations sont incorrectes"),
            Map.entry("INCOMPLETE", "le dossier est incomplet"),
            Map.entry("OUTDATED", "des informations ne sont plus à jour"));

    private final MailOutbox outbox;
    private final String baseUrl;

    public ApplicantMails(MailOutbox outbox, @Value("${aptic.mail.public-base-url}") String baseUrl) {
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    /**
     * The receipt, with the tracking link: the token travels in it, as the applicant's only key to the tracking
     * page (it is stored hashed; the outbox holds this mail until it is sent).
     */
    public void submitted(String to, String applicationId, String trackingToken, String organisation) {
        send(to, "Votre demande de qualification #APTIC est enregistrée", """
                Bonjour,

                La demande de qualification de %s est bien enregistrée sous le numéro %s.
                Suivez-la, répondez aux demandes de compléments ou retirez-la à cette adresse :
                %s

                Gardez ce lien pour vous : il donne accès à votre demande.

                L'équipe #APTIC""".formatted(
                        organisation, applicationId, trackingUrl(applicationId, trackingToken)));
    }

    /** The applicant's tracking page. */
    public String trackingUrl(String applicationId, String trackingToken) {
        return baseUrl + "/suivi/" + applicationId + "?jeton=" + trackingToken;
    }

    public void ineligible(String to, String applicationId, List<String> reasons) {
        send(to, "Votre demande de qualification #APTIC n'est pas éligible", """
                Bonjour,

                Votre demande %s ne remplit pas les conditions de qualification :
                %s

                Vous pourrez déposer une nouvelle demande lorsque ces conditions seront réunies.

                L'équipe #APTIC""".formatted(
                        applicationId, bullets(reasons)));
    }

    public void changesRequested(String to, String applicationId, String reason, String comment) {
        send(to, "Votre demande de qualification #APTIC : des compléments sont nécessaires", """
                Bonjour,

                L'instruction de votre demande %s demande des compléments : %s.
                %s
                Vous avez 30 jours pour répondre (POST %s/api/applications/%s/complements), faute de quoi la
                demande expirera.

                L'équipe #APTIC""".formatted(
                        applicationId, label(reason), comment(comment), baseUrl, applicationId));
    }

    public void rejected(String to, String applicationId, String reason, String comment) {
        send(to, "Votre demande de qualification #APTIC est refusée", """
                Bonjour,

                Votre demande %s est refusée. Motif : %s.
                %s
                L'équipe #APTIC""".formatted(
                        applicationId, label(reason), comment(comment)));
    }

    public void approved(String to, String applicationId) {
        send(to, "Votre demande de qualification #APTIC est approuvée", """
                Bonjour,

                Votre demande %s est approuvée par l'instruction. La contractualisation commence : acceptation des
                conditions générales, validation de vos coordonnées bancaires et abonnement au kit #APTIC.

                L'équipe #APTIC""".formatted(applicationId));
    }

    public void bankDetailsRequested(String to, String applicationId) {
        send(to, "Votre demande de qualification #APTIC : coordonnées bancaires attendues", """
                Bonjour,

                Votre demande %s est approuvée. Pour conclure le contrat, envoyez des coordonnées bancaires valides
                (titulaire, IBAN, BIC) dans les 30 jours : POST %s/api/applications/%s/complements

                L'équipe #APTIC""".formatted(
                        applicationId, baseUrl, applicationId));
    }

    public void expired(String to, String applicationId) {
        send(to, "Votre demande de qualification #APTIC a expiré", """
                Bonjour,

                Faute de réponse dans le délai de 30 jours, votre demande %s a expiré.
                Vous pouvez déposer une nouvelle demande.

                L'équipe #APTIC""".formatted(applicationId));
    }

    public void qualified(String to, String applicationId, String organisation) {
        send(to, "Félicitations : %s est qualifié #APTIC".formatted(organisation), """
                Bonjour,

                %s est désormais producteur qualifié #APTIC (demande %s) pour un an.
                Vos lieux figurent sur la carte des lieux #APTIC : %s/api/places

                L'équipe #APTIC""".formatted(
                        organisation, applicationId, baseUrl));
    }

    /** The French label of a decision-table or reviewer reason code, or the code itself. */
    public static String label(String code) {
        return code == null ? "non précisé" : REASON_LABELS.getOrDefault(code, code);
    }

    private static String bullets(List<String> reasons) {
        return String.join("\n", reasons.stream().map(r -> "- " + label(r)).toList());
    }

    private static String comment(String comment) {
        return comment == null || comment.isBlank() ? "" : "Message de l'instructeur : " + comment + "\n";
    }

    private void send(String to, String subject, String body) {
        outbox.enqueue(to, subject, body);
    }
}
