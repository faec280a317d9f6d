package fr.aptic.qualification.reference;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks SIRET numbers (14 digits: the 9-digit SIREN of the organisation, then 5 for the establishment):
 * the Luhn checksum must hold over the SIRET and over the SIREN, except for La Poste (SIREN 356000000),
 * whose establishments are numbered so that their digits sum to a multiple of 5 instead.
 */
public final class Siret {

    public static final String LA_POSTE_SIREN = "356000000";

    private static final Pattern GROUPING = Pattern.compile("[\\s.\\-\\u00A0\\u202F]");

    private Siret() {}

    public static boolean isValid(String siret) {
        return problem(siret).isEmpty();
    }

    /** What is wrong with a SIRET, in French as the API says it ("14 chiffres attendus", ...), or empty when it is valid. */
    public static Optional<String> problem(String siret) {
        if (siret == null || siret.isEmpty()) {
            return Optional.of("obligatoire");
        }
        if (siret.length() != 14 || !Digits.areAscii(siret)) {
            return Optional.of("14 chiffres attendus");
        }
        if (siret.startsWith("000000000")) {
            // All zeros pass Luhn; INSEE never assigns SIREN 000000000.
            return Optional.of("le SIREN 000000000 n'existe pas");
        }
        if (!Luhn.holds(siret, 9)) {
            return Optional.of("numéro SIREN invalide (clé de contrôle)");
        }
        if (!Luhn.holds(siret, 14) && !(isLaPoste(siret) && digitSum(siret) % 5 == 0)) {
            return Optional.of("numéro SIRET invalide (clé de contrôle)");
        }
        return Optional.empty();
    }

    /**
     * The SIRET as typed by a person, without the spaces, dots or dashes they group digits with
     * ({@code "732 829 320 00074"} becomes {@code "73282932000074"}); other characters are kept for
     * {@link #problem(String)} to report.
     */
    public static String normalise(String siret) {
        return siret == null ? null : GROUPING.matcher(siret).replaceAll("");
    }

    /** The SIREN (first 9 digits) of a SIRET that is at least well-formed. */
    public static String siren(String siret) {
        if (siret == null || siret.length() != 14 || !Digits.areAscii(siret)) {
            throw new IllegalArgumentException("not a 14-digit SIRET: " + siret);
        }
        return siret.substring(0, 9);
    }

    private static boolean isLaPoste(String siret) {
        return siret.startsWith(LA_POSTE_SIREN);
    }

    private static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }
}
