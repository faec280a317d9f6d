package fr.aptic.qualification.reference;

/**
 * Pragmatic e-mail address check: catches what people mistype (no {@code @}, no domain, spaces) without
 * trying to be RFC 5322, which accepts addresses no mail form should. Internationalised addresses pass.
 */
public final class Email {

    /** RFC 5321's limit on a forward path, which every address must fit in. */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL_PART = 64;
    /**
     * RFC 5322's specials, valid only inside quotes no mail form needs: {@code <script>@x.fr} or
     * {@code a@b.fr,c@d.fr} are not one address. Format characters (bidi overrides, zero-width) hide what the
     * address really is.
     */
    private static final String SPECIALS = "<>()[]\\,;:\"";

    private Email() {}

    public static boolean isValid(String email) {
        if (email == null || email.isEmpty() || email.length() > MAX_LENGTH || hasSpaceOrControl(email)) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at > MAX_LOCAL_PART) {
            return false;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        return hasNoEmptyDotSeparatedPart(local) && domain.contains(".") && hasNoEmptyDotSeparatedPart(domain);
    }

    /** No leading, trailing or doubled dot: {@code a..b@x.fr}, {@code a@x.fr.} are typos. */
    private static boolean hasNoEmptyDotSeparatedPart(String part) {
        return !part.startsWith(".") && !part.endsWith(".") && !part.contains("..");
    }

    private static boolean hasSpaceOrControl(String text) {
        return text.codePoints()
                .anyMatch(c -> Character.isWhitespace(c)
                        || Character.isISOControl(c)
                        || Character.isSpaceChar(c)
                        || SPECIALS.indexOf(c) >= 0
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.SURROGATE);
    }
}
