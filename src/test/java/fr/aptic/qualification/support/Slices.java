package fr.aptic.qualification.support;

/**
 * What a controller slice ({@code @WebMvcTest}) leaves out: our servlet filters (start-up gate, size and URL
 * limits, rate limit, task completion status), which need the engine or the application's readiness and are
 * tested with the whole application. A slice checks one controller's binding, validation and error mapping.
 */
public final class Slices {

    /** The filters a slice does not instantiate (a regular expression on class names). */
    public static final String FILTERS = "fr\\.aptic\\.qualification\\..*(Filter|Gate)";

    private Slices() {}
}
