package fr.aptic.qualification.reference;

import java.util.regex.Pattern;

/**
 * What text a person may type into a field: no control characters (NUL, escape…; line breaks and tabs only in
 * multi-line fields), no format characters (bidi overrides that make a name read backwards, zero-width spaces;
 * the zero-width joiner of emoji sequences excepted), no lone surrogates (not text, and not storable as UTF-8),
 * no noncharacters. Every path checks its free text with it, so a name means the same everywhere.
 */
public final class PlainText {

    private static final Pattern FORBIDDEN =
            Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\p{Cf}&&[^\\u200d]]|\\p{Cs}|[\\uFFFE\\uFFFF]");
    /** Line breaks (with the Unicode line and paragraph separators) and tabs: single-line fields refuse them. */
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t\\u2028\\u2029\\u0085]");

    private PlainText() {}

    /** A name, an address, a code: no line break either. {@code null} is fine (required-ness is checked apart). */
    public static boolean isSingleLine(String value) {
        return value == null
                || (!FORBIDDEN.matcher(value).find()
                        && !LINE_BREAK.matcher(value).find());
    }

    /** A description or a comment: line breaks and tabs allowed. */
    public static boolean isMultiLine(String value) {
        return value == null || !FORBIDDEN.matcher(value).find();
    }

    /** A refused value as a message may quote it: short, without characters that would disguise it. */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        String visible =
                FORBIDDEN.matcher(LINE_BREAK.matcher(value).replaceAll(" ")).replaceAll("?");
        return visible.length() <= 80 ? visible : visible.substring(0, 77) + "…";
    }
}
