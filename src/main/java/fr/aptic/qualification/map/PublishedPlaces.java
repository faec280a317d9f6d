package fr.aptic.qualification.map;

import fr.aptic.qualification.reference.NationalServices;
import fr.aptic.qualification.web.ProblemException;
import java.util.List;
import org.springframework.stereotype.Service;

/** The places of qualified producers the public sees, filtered as the API and the map page filter them. */
@Service
public class PublishedPlaces {

    private final PlaceRepository places;

    PublishedPlaces(PlaceRepository places) {
        this.places = places;
    }

    /**
     * The published places, each filter optional.
     *
     * @throws ProblemException 400 naming the filter that is not a département code, a national service or a
     *     network id
     */
    public List<QualifiedPlace> find(String departement, String service, String networkId) {
        if (departement != null && !departement.matches("[0-9]{2}|2[AB]|97[0-9]")) {
            throw ProblemException.invalid("departement", "code de département invalide : " + departement);
        }
        if (service != null && !NationalServices.isService(service)) {
            throw ProblemException.invalid("service", "service inconnu du référentiel national");
        }
        if (networkId != null && !networkId.matches("[a-z0-9-]{1,80}")) {
            throw ProblemException.invalid("networkId", "identifiant de réseau invalide");
        }
        return places.published(departement, service, networkId);
    }
}
