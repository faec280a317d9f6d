package fr.aptic.qualification.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks BICs (ISO 9362): bank (4 letters), country (2 letters), location (2), optional branch (3). */
public final class Bic {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private Bic() {}

    /** Without spaces and in uppercase, the form BICs are stored in. */
    public static String normalise(String bic) {
        return bic == null ? null : Spaces.removeFrom(bic).toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String bic) {
        return problem(bic).isEmpty();
    }

    /** What is wrong with a BIC, as an API message, or empty when it is valid; spaces and lowercase are accepted. */
    public static Optional<String> problem(String bic) {
        String value = normalise(bic);
        if (value == null || value.isEmpty()) {
            return Optional.of("is required");
        }
        if (!FORMAT.matcher(value).matches()) {
            return Optional.of("must be 8 or 11 letters and digits (bank, country, location, optional branch)");
        }
        return Optional.empty();
    }
}
