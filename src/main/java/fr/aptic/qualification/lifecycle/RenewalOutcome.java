package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.application.ApplicationStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * What became of a renewal's confirmation, for the confirmation page to say what happens next; carried there by a
 * short-lived cookie ({@code renouvelee.2027-12-05}, {@code hub}) since no token goes into the redirect.
 *
 * @param validUntil the new end date once renewed, {@code null} otherwise
 */
record RenewalOutcome(Kind kind, LocalDate validUntil) {

    enum Kind {
        /** Renewed at once, nothing changed that the rules read. */
        RENEWED("renouvelee"),
        /** Changes the rules read, assessed again: still eligible, renewed. */
        REASSESSED("reevaluee"),
        /** New or moved places: the hub of the territory reviews them before they go back on the map. */
        HUB_REVIEW("hub"),
        /** Assessed again and no longer eligible: the qualification ended. */
        ENDED("terminee"),
        /** Anything else still being handled. */
        PENDING("en-cours");

        private final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /** The outcome of a confirmation, from the end date before it and the qualification after it. */
    static RenewalOutcome of(LocalDate before, QualificationView after) {
        String change = RenewalChanges.lastConfirmed(after.history());
        boolean running = ApplicationStatus.QUALIFIED.name().equals(after.status())
                || ApplicationStatus.LAPSED.name().equals(after.status());
        if (!running) {
            return new RenewalOutcome(Kind.ENDED, null);
        }
        boolean renewed = after.validUntil() != null
                && (before == null || after.validUntil().isAfter(before));
        if (renewed) {
            return new RenewalOutcome(
                    RenewalChanges.NONE.equals(change) ? Kind.RENEWED : Kind.REASSESSED, after.validUntil());
        }
        return new RenewalOutcome(RenewalChanges.PLACES.equals(change) ? Kind.HUB_REVIEW : Kind.PENDING, null);
    }

    String cookie() {
        return validUntil == null ? kind.code : kind.code + "." + validUntil;
    }

    /** The outcome a cookie carries; empty for one this page did not write. */
    static Optional<RenewalOutcome> fromCookie(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.", 2);
        Optional<Kind> kind = Arrays.stream(Kind.values())
                .filter(k -> k.code.equals(parts[0]))
                .findFirst();
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RenewalOutcome(kind.get(), parts.length == 2 ? LocalDate.parse(parts[1]) : null));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
