package fr.aptic.qualification.support;

import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.application.QualificationPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Qualified producers with one published, located place each, put in through the repository (the map's tests and
 * benchmark need hundreds without walking each through review): in Corsica, Paris and the Rhône, spread around
 * each city, with services and networks varied; every seventh place has no coordinates (listed, not pinned).
 */
public final class MapPlaces {

    private record City(String departement, String postalCode, String insee, String commune, double lat, double lon) {}

    private static final List<City> CITIES = List.of(
            new City("2A", "20000", "2A004", "Ajaccio", 41.9192, 8.7386),
            new City("75", "75011", "75111", "Paris", 48.8589, 2.3800),
            new City("69", "69003", "69383", "Lyon", 45.7597, 4.8422));

    private MapPlaces() {}

    /** Seeds {@code count} producers; answers how many of their places carry coordinates. */
    public static int seed(ApplicationRepository applications, int count, long seed) {
        Random random = new Random(seed);
        int located = 0;
        for (int i = 0; i < count; i++) {
            City city = CITIES.get(i % CITIES.size());
            boolean locatedPlace = i % 7 != 6;
            String id = UUID.randomUUID().toString();
            String siret = Samples.siret(random);
            String network = i % 4 == 0 ? "reseau-demo" : null;
            applications.insert(new ApplicationRepository.NewApplication(
                    id,
                    siret,
                    network == null ? QualificationPath.FREE : QualificationPath.NETWORK,
                    "0".repeat(64),
                    "Structure " + i,
                    "contact@" + siret + ".example.org",
                    city.departement(),
                    null,
                    network,
                    null,
                    "{}",
                    Instant.now()));
            List<String> services = new ArrayList<>(List.of("Aide aux démarches administratives"));
            if (i % 2 == 0) {
                services.add("Accès internet et matériel informatique");
            }
            applications.insertPlaces(
                    id,
                    List.of(new ApplicationRequest.Place(
                            "Espace numérique " + i,
                            (i + 1) + " rue de la République",
                            city.postalCode(),
                            city.insee(),
                            city.commune(),
                            "OWN_PLACE",
                            null,
                            "Du lundi au vendredi, 9 h – 17 h",
                            true,
                            1200,
                            services,
                            locatedPlace ? city.lat() + (random.nextDouble() - 0.5) * 0.2 : null,
                            locatedPlace ? city.lon() + (random.nextDouble() - 0.5) * 0.2 : null)),
                    List.of(city.departement()));
            applications.updateStatus(id, ApplicationStatus.QUALIFIED, "QUALIFIED");
            applications.publishPlaces(id, true);
            located += locatedPlace ? 1 : 0;
        }
        return located;
    }
}
