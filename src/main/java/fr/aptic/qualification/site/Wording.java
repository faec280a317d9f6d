package fr.aptic.qualification.site;

import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.notification.ApplicantMails;
import java.util.Map;

/**
 * What the pages say in place of codes: statuses, timeline events, place kinds, the charter's commitments and the
 * reasons of a decision, in plain French. A code the pages do not know is never shown as such.
 */
public final class Wording {

    /** A status in words, and the DSFR badge that colours it. */
    public record Status(String words, String explanation, String badge) {}

    private static final Map<ApplicationStatus, Status> STATUSES = Map.ofEntries(
            Map.entry(
                    ApplicationStatus.SUBMITTED,
                    new Status(
                            "Déposée",
                            "Votre demande est enregistrée ; ses critères d'éligibilité sont en cours d'examen.",
                            "fr-badge--info")),
            Map.entry(
                    ApplicationStatus.UNDER_REVIEW,
                    new Status(
                            "En cours d'instruction",
                            "Un instructeur de votre territoire examine votre demande.",
                            "fr-badge--info")),
            Map.entry(
                    ApplicationStatus.CHANGES_REQUESTED,
                    new Status(
                            "Compléments demandés",
                            "L'instructeur a besoin de compléments : répondez-lui ci-dessous.",
                            "fr-badge--warning")),
            Map.entry(
                    ApplicationStatus.CONTRACTING,
                    new Status(
                            "Conventionnement en cours",
                            "Votre demande est acceptée ; la convention et vos coordonnées bancaires sont en cours.",
                            "fr-badge--new")),
            Map.entry(
                    ApplicationStatus.QUALIFIED,
                    new Status(
                            "Qualifiée",
                            "Votre structure est qualifiée #APTIC ; ses lieux sont publiés sur la carte.",
                            "fr-badge--success")),
            Map.entry(
                    ApplicationStatus.INELIGIBLE,
                    new Status(
                            "Non éligible",
                            "Votre demande ne remplit pas les conditions de qualification.",
                            "fr-badge--error")),
            Map.entry(
                    ApplicationStatus.REJECTED,
                    new Status("Refusée", "Votre demande a été refusée par l'instructeur.", "fr-badge--error")),
            Map.entry(ApplicationStatus.WITHDRAWN, new Status("Retirée", "Vous avez retiré votre demande.", "")),
            Map.entry(
                    ApplicationStatus.EXPIRED,
                    new Status("Expirée", "Les compléments demandés ne sont pas arrivés à temps.", "")),
            Map.entry(
                    ApplicationStatus.LAPSED,
                    new Status(
                            "Caduque",
                            "La qualification n'a pas été renouvelée à temps ; ses lieux ont quitté la carte.",
                            "fr-badge--warning")),
            Map.entry(
                    ApplicationStatus.REVOKED,
                    new Status(
                            "Révoquée",
                            "L'équipe nationale #APTIC a révoqué la qualification ; ses lieux ont quitté la carte.",
                            "fr-badge--error")));

    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("SUBMITTED", "Demande déposée"),
            Map.entry("ASSESSED", "Critères d'éligibilité examinés"),
            Map.entry("UNDER_REVIEW", "Instruction commencée"),
            Map.entry("AUDIT_REQUIRED", "Contrôle par échantillon : dossier retenu"),
            Map.entry("AUDIT_NOT_REQUIRED", "Contrôle par échantillon : dossier non retenu"),
            Map.entry("INELIGIBLE", "Demande jugée non éligible"),
            Map.entry("CHANGES_REQUESTED", "Compléments demandés"),
            Map.entry("COMPLEMENTS_RECEIVED", "Compléments envoyés"),
            Map.entry("REJECTED", "Demande refusée"),
            Map.entry("CONTRACTING", "Demande acceptée : conventionnement"),
            Map.entry("BANK_DETAILS_REQUESTED", "Coordonnées bancaires demandées"),
            Map.entry("BANK_DETAILS_VALIDATED", "Coordonnées bancaires validées"),
            Map.entry("BANK_DETAILS_REFUSED", "Coordonnées bancaires refusées"),
            Map.entry("SUBSCRIPTION_RECORDED", "Abonnement enregistré"),
            Map.entry("QUALIFIED", "Structure qualifiée"),
            Map.entry("EXPIRED", "Demande expirée"),
            Map.entry("WITHDRAWN", "Demande retirée"),
            Map.entry("REVIEW_OVERDUE", "Instruction en retard : l'équipe nationale est prévenue"),
            Map.entry("ATTESTED", "Adhésion attestée par le réseau"),
            Map.entry("ATTESTATION_REFUSED", "Adhésion non attestée par le réseau"),
            Map.entry("TERM_OPENED", "Période de validité ouverte"),
            Map.entry("RENEWAL_NOTICE", "Renouvellement ouvert : courriel envoyé"),
            Map.entry("RENEWAL_CONFIRMED", "Renouvellement confirmé"),
            Map.entry("RENEWAL_CHANGES", "Informations modifiées au renouvellement"),
            Map.entry("RENEWED", "Qualification renouvelée"),
            Map.entry("RENEWAL_INELIGIBLE", "Renouvellement : conditions non remplies"),
            Map.entry("RENEWAL_REJECTED", "Renouvellement refusé"),
            Map.entry("LAPSED", "Qualification caduque"),
            Map.entry("LAPSE_FINAL", "Délai de reprise écoulé"),
            Map.entry("BREACH_REPORTED", "Manquement signalé"),
            Map.entry("BREACH_DISMISSED", "Signalement classé"),
            Map.entry("REVOKED", "Qualification révoquée"),
            Map.entry("REINSTATED", "Qualification rétablie"));

    /** In the order the form offers them. */
    private static final Map<String, String> KINDS = ordered(
            "OWN_PLACE", "Lieu de la structure",
            "PARTNER_PLACE", "Lieu partenaire (sous convention)",
            "ITINERANT", "Itinérant",
            "HOME", "À domicile");

    private static final Map<String, String> COMMITMENTS = Map.of(
            "ZERO_REMAINING_COST", "Aucun reste à charge pour la personne qui vient avec un pass #APTIC",
            "PRIORITY_PUBLICS", "Accueillir en priorité les personnes les plus éloignées du numérique",
            "NEUTRALITY", "Rester neutre : ni vente, ni démarchage, ni prosélytisme pendant l'accompagnement",
            "DATA_PROTECTION", "Protéger les données personnelles des personnes accompagnées (RGPD)",
            "QUALITY_APPROACH", "Suivre une démarche qualité et former les médiateurs",
            "UP_TO_DATE_CATALOGUE", "Tenir à jour l'offre de services publiée sur la carte",
            "TERRITORIAL_COOPERATION", "Coopérer avec les autres acteurs de la médiation du territoire");

    private Wording() {}

    private static Map<String, String> ordered(String... codesAndWords) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codesAndWords.length; i += 2) {
            map.put(codesAndWords[i], codesAndWords[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    static Status status(ApplicationStatus status) {
        return STATUSES.getOrDefault(status, new Status("En cours", "", ""));
    }

    static String event(String code) {
        if (code != null && code.startsWith("REVIEW_")) {
            return "Décision de l'instructeur";
        }
        if (code != null && code.startsWith("AUDIT_") && !EVENTS.containsKey(code)) {
            return "Contrôle par échantillon";
        }
        return EVENTS.getOrDefault(code, "Mise à jour de la demande");
    }

    static String kind(String code) {
        return KINDS.getOrDefault(code, "Autre lieu");
    }

    static Map<String, String> kinds() {
        return KINDS;
    }

    static String commitment(String code) {
        return COMMITMENTS.getOrDefault(code, "Engagement de la charte");
    }

    /** A decision's reason in words, never its code. */
    static String reason(String code) {
        String label = ApplicantMails.label(code);
        return label.equals(code) ? "autre motif" : label;
    }
}
