package fr.aptic.qualification.site;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the tracking page says of a granted qualification: its end date, whether the renewal is open, the last day
 * to take a lapsed one up, a revocation's reason in words. Told by the room that keeps the qualification's life
 * ({@code lifecycle}), through this interface so that the pages do not depend on that room (it depends on the
 * networks, whose pages use this one).
 */
public interface TrackingQualification {

    /** The qualification of an application its producer tracks, or empty (never granted, or a wrong token). */
    Optional<Summary> of(String applicationId, String token);

    /**
     * @param renewalOpen the producer may confirm now, on {@code /renouvellement/{id}}
     * @param takeUpUntil for a lapsed qualification, the last day to take it up
     * @param revocationReason for a revoked one, the reason in words
     */
    record Summary(
            LocalDate validUntil,
            boolean renewalOpen,
            LocalDate takeUpUntil,
            String revocationReason,
            String revocationComment) {}
}
