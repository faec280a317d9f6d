package fr.aptic.qualification.reference;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks IBANs of the SEPA area, where #APTIC pays producers: the country's length, the French BBAN layout
 * (bank, branch, account, RIB key) for FR and MC, and the ISO 13616 mod-97 check. Spaces and lowercase, as
 * people type IBANs, are accepted: every method normalises first.
 */
public final class Iban {

    /** IBAN lengths of the SEPA countries (SWIFT IBAN registry); the French overseas départements use FR. */
    private static final Map<String, Integer> SEPA_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("CH", 21),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DK", 18),
            Map.entry("EE", 20),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GI", 23),
            Map.entry("GR", 27),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MT", 31),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("PL", 28),
            Map.entry("PT", 25),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("VA", 22));

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]+");
    /** Bank (5 digits), branch (5 digits), account (11 letters or digits), RIB key (2 digits). */
    private static final Pattern FRENCH_BBAN = Pattern.compile("[0-9]{10}[A-Z0-9]{11}[0-9]{2}");

    private Iban() {}

    /** Without spaces (including no-break spaces) and in uppercase, the form IBANs are stored in. */
    public static String normalise(String iban) {
        return iban == null ? null : Spaces.removeFrom(iban).toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String iban) {
        return problem(iban).isEmpty();
    }

    /** What is wrong with an IBAN, as an API message, or empty when it is valid. */
    public static Optional<String> problem(String iban) {
        String value = normalise(iban);
        if (value == null || value.isEmpty()) {
            return Optional.of("is required");
        }
        if (!SHAPE.matcher(value).matches()) {
            return Optional.of("must be a country code, two check digits, then letters and digits");
        }
        String country = value.substring(0, 2);
        Integer length = SEPA_LENGTHS.get(country);
        if (length == null) {
            return Optional.of("country " + country + " is not in the SEPA area");
        }
        if (value.length() != length) {
            return Optional.of("must be " + length + " characters for " + country + ", found " + value.length());
        }
        if ((country.equals("FR") || country.equals("MC"))
                && !FRENCH_BBAN.matcher(value.substring(4)).matches()) {
            return Optional.of("bank, branch, account and key are not laid out as in a French IBAN");
        }
        if (mod97(value) != 1) {
            return Optional.of("checksum (mod 97) fails");
        }
        return Optional.empty();
    }

    /**
     * The IBAN for display, in groups of four with all but the country, check digits and last four characters
     * hidden: {@code FR76 **** **** **** **** ***0 189}. Short or empty input is fully hidden.
     */
    public static String masked(String iban) {
        String value = normalise(iban);
        if (value == null || value.length() <= 8) {
            return "****";
        }
        StringBuilder masked = new StringBuilder(value.length() + value.length() / 4);
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                masked.append(' ');
            }
            masked.append(i < 4 || i >= value.length() - 4 ? value.charAt(i) : '*');
        }
        return masked.toString();
    }

    /** ISO 13616: the first four characters moved to the end, letters as 10..35, the number modulo 97. */
    private static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
