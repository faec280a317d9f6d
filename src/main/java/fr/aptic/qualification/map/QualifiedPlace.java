package fr.aptic.qualification.map;

import java.time.LocalDate;
import java.util.List;

/** A place of a qualified producer, as the public map shows it. */
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
        LocalDate updatedOn) {}
