package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.application.QualificationPath;
import fr.aptic.qualification.support.Samples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Puts qualified producers with published places into a territory through the application repository, for
 * tests of the ratio that need many places without walking each one through review and contract.
 */
final class QualifiedPlaces {

    private QualifiedPlaces() {}

    /** One qualified producer with {@code count} published places in the commune. */
    static String seed(
            ApplicationRepository applications,
            String departement,
            String postalCode,
            String inseeCode,
            String commune,
            int count) {
        String id = UUID.randomUUID().toString();
        String siret = Samples.siret();
        applications.insert(new ApplicationRepository.NewApplication(
                id,
                siret,
                QualificationPath.FREE,
                "0".repeat(64),
                "Producteur " + siret,
                "contact@" + siret + ".example.org",
                departement,
                null,
                null,
                null,
                "{}",
                Instant.now()));
        List<ApplicationRequest.Place> places = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            places.add(new ApplicationRequest.Place(
                    "Lieu " + i,
                    i + " place de la Mairie",
                    postalCode,
                    inseeCode,
                    commune,
                    "OWN_PLACE",
                    null,
                    null,
                    true,
                    1800,
                    List.of("Aide aux démarches administratives"),
                    null,
                    null));
        }
        applications.insertPlaces(id, places, Collections.nCopies(count, departement));
        applications.updateStatus(id, ApplicationStatus.QUALIFIED, "QUALIFIED");
        applications.publishPlaces(id, true);
        return id;
    }
}
