package fr.aptic.qualification.map;

import java.time.LocalDate;
import java.util.List;

/**
 * A place of a qualified producer, as the public map shows it: {@code latitude} and {@code longitude} (WGS 84) when
 * known, from the applicant's pin, the directory or the national address geocoder; null otherwise (listed, not
 * pinned).
 */
public record QualifiedPlace(
        String id,
        String siret,
        String organisation,
        String name,
        String address,
        String postalCode,
        String inseeCode,
        String commune,
        String departement,
        String kind,
        String openingHours,
        boolean regulatedPrice,
        List<String> services,
        String networkId,
        LocalDate updatedOn,
        Double latitude,
        Double longitude) {

    /** Whether the place can be pinned on a map. */
    boolean located() {
        return latitude != null && longitude != null;
    }
}
