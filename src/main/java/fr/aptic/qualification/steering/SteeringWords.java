package fr.aptic.qualification.steering;

import fr.aptic.qualification.notification.ApplicantMails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the steering page says in place of codes: paths, funnel outcomes, territory statuses, reasons. */
public final class SteeringWords {

    /** The paths as the funnel's filter offers them, in order. */
    static final Map<String, String> PATHS = ordered(
            "FREE", "Libre",
            "TERRITORIAL", "Territorial (campagnes)",
            "NETWORK", "Réseaux");

    /** The funnel's outcomes (territory's {@code FunnelService.OUTCOMES}), in the order the report gives them. */
    static final Map<String, String> OUTCOMES = ordered(
            "QUALIFIED", "Qualifiés",
            "CLOSED", "Fermés (annuaire à corriger)",
            "DECLINED", "Refus du modèle",
            "INELIGIBLE", "Non éligibles",
            "UNREACHABLE", "Injoignables",
            "WITHDRAWN", "Retirés",
            "EXPIRED", "Expirés",
            "REJECTED", "Refusés par l’instruction");

    /** Le tri: the three causes of the fall and what each means. */
    static final Map<String, String> SORTING = ordered(
            "CLOSED", "Correction de l’annuaire (fermés)",
            "DECLINED", "Choix du modèle (refus)",
            "INELIGIBLE", "Éligibilité (non éligibles)");

    static final Map<String, String> STATUSES = ordered(
            "UNDER_SERVED", "Sous-desservi",
            "BALANCED", "Équilibré",
            "OVER_SERVED", "Sur-desservi");

    /** A candidate's state in a campaign: its contact outcome, then its application's status. */
    static final Map<String, String> CANDIDATE_STATES = ordered(
            "CONTACT_PENDING", "à contacter",
            "INVITED", "invités",
            "CLOSED", "fermés",
            "DECLINED", "refus",
            "UNREACHABLE", "injoignables",
            "EXPIRED", "invitations expirées",
            "SUBMITTED", "demandes déposées",
            "UNDER_REVIEW", "en instruction",
            "CHANGES_REQUESTED", "compléments demandés",
            "CONTRACTING", "en conventionnement",
            "QUALIFIED", "qualifiés",
            "INELIGIBLE", "non éligibles",
            "REJECTED", "refusés",
            "WITHDRAWN", "retirés",
            "LAPSED", "échus",
            "REVOKED", "révoqués");

    static final Map<String, String> ASSESSMENTS = ordered("ELIGIBLE", "Éligible", "INELIGIBLE", "Non éligible");

    private SteeringWords() {}

    public static String path(String code) {
        return code == null ? "—" : PATHS.getOrDefault(code, code);
    }

    public static String status(String code) {
        return STATUSES.getOrDefault(code, code);
    }

    /** The CSS class that colours a status on the map and its badge. */
    public static String statusClass(String code) {
        if (code == null) {
            return "aptic-statut--aucun";
        }
        return switch (code) {
            case "UNDER_SERVED" -> "aptic-statut--sous";
            case "BALANCED" -> "aptic-statut--equilibre";
            case "OVER_SERVED" -> "aptic-statut--sur";
            default -> "aptic-statut--aucun";
        };
    }

    public static String assessment(String code) {
        return ASSESSMENTS.getOrDefault(code, code);
    }

    /** A reason code in words, with the code, which process owners find in the decision tables. */
    public static String reason(String code) {
        String label = ApplicantMails.label(code);
        return label.equals(code) ? code : label + " (" + code + ")";
    }

    /** The candidates of a campaign by state, in words: "3 à contacter, 1 invités". */
    public static String candidates(Map<String, Long> byState) {
        List<String> parts = new java.util.ArrayList<>();
        CANDIDATE_STATES.forEach((code, words) -> {
            Long count = byState.get(code);
            if (count != null && count > 0) {
                parts.add(count + " " + words);
            }
        });
        byState.forEach((code, count) -> {
            if (!CANDIDATE_STATES.containsKey(code) && count > 0) {
                parts.add(count + " " + code);
            }
        });
        return parts.isEmpty() ? "aucun candidat encore" : String.join(", ", parts);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
