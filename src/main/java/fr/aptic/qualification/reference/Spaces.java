package fr.aptic.qualification.reference;

import java.util.regex.Pattern;

/** Removes the spaces people group bank codes with, including the no-break ones PDFs and word processors paste. */
final class Spaces {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");

    private Spaces() {}

    static String removeFrom(String text) {
        return SPACES.matcher(text).replaceAll("");
    }
}
