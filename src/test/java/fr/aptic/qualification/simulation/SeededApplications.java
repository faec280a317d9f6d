package fr.aptic.qualification.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.reference.CharterCommitments;
import fr.aptic.qualification.reference.NationalServices;
import fr.aptic.qualification.reference.Territories;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A reproducible crowd of application bodies for benchmarks: every département, the four place kinds, one to
 * three places, varied questionnaires, a few refused commitments and invalid SIRETs, submitted over eight years.
 * The same seed gives the same applications.
 */
final class SeededApplications {

    static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    static final int DAYS = 8 * 365;

    private static final List<String> KINDS = List.of("OWN_PLACE", "PARTNER_PLACE", "ITINERANT", "HOME");
    private static final List<String> PROGRAMMES = NationalServices.PROGRAMMES.subList(0, 3);

    private final SplittableRandom random;
    private final List<String> departements;
    private final ObjectMapper json = new ObjectMapper();

    SeededApplications(long seed) {
        this.random = new SplittableRandom(seed);
        this.departements = Territories.defaults().departements().stream()
                .map(Territories.Departement::code)
                .toList();
    }

    /** One application: its id, the département of its first place, submission day and JSON body. */
    record Seeded(String id, String departement, LocalDate submittedOn, String body) {}

    Seeded next(int index) {
        int placeCount = 1 + (random.nextInt(10) < 8 ? 0 : random.nextInt(1, 3));
        List<ApplicationRequest.Place> places = new ArrayList<>();
        String firstDepartement = null;
        for (int p = 0; p < placeCount; p++) {
            String departement = departements.get(random.nextInt(departements.size()));
            if (p == 0) {
                firstDepartement = departement;
            }
            places.add(place(departement));
        }
        int volunteers = random.nextInt(10) < 5 ? 0 : random.nextInt(1, 12);
        var quality = new ApplicationRequest.Quality(
                random.nextInt(25) == 0 ? 0 : random.nextInt(1, 6),
                volunteers,
                volunteers == 0 ? 0 : random.nextInt(0, volunteers + 1),
                random.nextInt(5, 50),
                random.nextBoolean(),
                random.nextInt(0, 15),
                random.nextInt(3) == 0 ? List.of() : PROGRAMMES.subList(0, random.nextInt(1, PROGRAMMES.size() + 1)));
        Map<String, Boolean> commitments = new LinkedHashMap<>();
        for (String code : CharterCommitments.V2) {
            commitments.put(code, random.nextInt(200) != 0);
        }
        String siret = random.nextInt(100) == 0 ? "12345678901234" : siret();
        var request = new ApplicationRequest(
                siret,
                new ApplicationRequest.Organisation("Lieu numérique " + index, "ASSOCIATION", null, null, null),
                new ApplicationRequest.Contact("Camille Martin", "contact" + index + "@exemple.org", null),
                new ApplicationRequest.LegalRepresentative("Dominique Leroy", "presidence" + index + "@exemple.org"),
                places,
                quality,
                new ApplicationRequest.Charter("V2", commitments),
                true,
                null);
        try {
            return new Seeded(
                    String.format("bench-%08d", index),
                    firstDepartement,
                    FIRST_DAY.plusDays(random.nextInt(DAYS)),
                    json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApplicationRequest.Place place(String departement) {
        int k = random.nextInt(100);
        String kind = k < 70 ? KINDS.get(0) : k < 80 ? KINDS.get(1) : k < 90 ? KINDS.get(2) : KINDS.get(3);
        String convention =
                "PARTNER_PLACE".equals(kind) && random.nextInt(4) != 0 ? "CONV-" + random.nextInt(10_000) : null;
        List<String> services = new ArrayList<>();
        int serviceCount = random.nextInt(50) == 0 ? 0 : random.nextInt(1, 6);
        for (int s = 0; s < serviceCount; s++) {
            services.add(NationalServices.SERVICES.get(random.nextInt(NationalServices.SERVICES.size())));
        }
        return new ApplicationRequest.Place(
                "Espace numérique",
                "1 place de la Mairie",
                postalCode(departement),
                inseeCode(departement),
                "Commune",
                kind,
                convention,
                "Mo-Fr 09:00-17:00",
                random.nextInt(10) != 0,
                random.nextInt(100, 4000),
                services,
                null,
                null);
    }

    static String postalCode(String departement) {
        return switch (departement) {
            case "2A" -> "20000";
            case "2B" -> "20200";
            default -> departement.length() == 3 ? departement + "00" : departement + "000";
        };
    }

    static String inseeCode(String departement) {
        return departement.length() == 3 ? departement + "01" : departement + "001";
    }

    private String siret() {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            digits.append(random.nextInt(10));
        }
        String siren = luhnComplete(digits.toString());
        StringBuilder nic = new StringBuilder(siren);
        for (int i = 0; i < 4; i++) {
            nic.append(random.nextInt(10));
        }
        return luhnComplete(nic.toString());
    }

    private static String luhnComplete(String prefix) {
        for (int c = 0; c < 10; c++) {
            String candidate = prefix + c;
            int total = 0;
            for (int i = 0; i < candidate.length(); i++) {
                int d = candidate.charAt(candidate.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                total += d;
            }
            if (total % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }
}
