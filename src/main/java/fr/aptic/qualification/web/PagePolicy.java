package fr.aptic.qualification.web;

/** The content security policy of every page, public or signed-in: only the app's own scripts, styles and fonts. */
public final class PagePolicy {

    private PagePolicy() {}

    /** The policy, admitting images from {@code imageOrigin} too (the map's tile server; empty for none). */
    public static String contentSecurityPolicy(String imageOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
                + (imageOrigin == null || imageOrigin.isEmpty() ? "" : " " + imageOrigin)
                + "; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self';"
                + " base-uri 'self'; object-src 'none'";
    }
}
