package fr.aptic.qualification.territory;

import java.time.LocalDate;

/** A known place of the directory (national open-data standard v1.0.2), as imported; coordinates may be null. */
record DirectoryPlace(
        String id,
        String siret,
        String name,
        String address,
        String addressExtra,
        String postalCode,
        String inseeCode,
        String commune,
        String departement,
        String phone,
        String emails,
        String website,
        String services,
        String source,
        LocalDate updatedOn,
        Double latitude,
        Double longitude) {

    /** The address on one line, for the hub's contact form. */
    String fullAddress() {
        String extra = addressExtra == null || addressExtra.isBlank() ? "" : ", " + addressExtra;
        return address + extra + ", " + postalCode + " " + commune;
    }
}
