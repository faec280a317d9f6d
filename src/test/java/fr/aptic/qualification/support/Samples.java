package fr.aptic.qualification.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test data: valid application bodies as the applicant portal sends them, and fresh valid SIRETs and IBANs. */
public final class Samples {

    private Samples() {}

    /** A valid, eligible application for a place in Ajaccio (Corse-du-Sud, hub Corse). */
    public static Map<String, Object> application() {
        return application(siret(), "20000", "2A004", "Ajaccio");
    }

    public static Map<String, Object> application(String siret, String postalCode, String inseeCode, String commune) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siret", siret);
        body.put(
                "organisation",
                new LinkedHashMap<>(Map.of(
                        "name", "Espace numérique " + siret.substring(9),
                        "legalForm", "ASSOCIATION",
                        "website", "https://exemple.org",
                        "description", "Médiation numérique de proximité")));
        body.put(
                "contact",
                new LinkedHashMap<>(Map.of(
                        "name",
                        "Camille Martin",
                        "email",
                        "camille." + siret + "@exemple.org",
                        "phone",
                        "04 95 00 00 00")));
        body.put(
                "legalRepresentative",
                new LinkedHashMap<>(Map.of("name", "Dominique Leroy", "email", "presidence@exemple.org")));
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("name", "Médiathèque des Cannes");
        place.put("address", "1 avenue de Paris");
        place.put("postalCode", postalCode);
        place.put("inseeCode", inseeCode);
        place.put("commune", commune);
        place.put("kind", "OWN_PLACE");
        place.put("conventionReference", null);
        place.put("openingHours", "Mo-Fr 09:00-17:00");
        place.put("regulatedPrice", true);
        place.put("servicesPerYear", 1800);
        place.put(
                "services",
                List.of("Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"));
        body.put("places", new ArrayList<>(List.of(place)));
        body.put(
                "quality",
                new LinkedHashMap<>(Map.of(
                        "trainedMediators", 2,
                        "volunteers", 3,
                        "supervisedVolunteers", 3,
                        "openingHoursPerWeek", 30,
                        "accessible", true,
                        "yearsOfActivity", 4,
                        "nationalProgrammes", List.of("France Services"))));
        Map<String, Object> commitments = new LinkedHashMap<>();
        for (String code : List.of(
                "ZERO_REMAINING_COST",
                "PRIORITY_PUBLICS",
                "NEUTRALITY",
                "DATA_PROTECTION",
                "QUALITY_APPROACH",
                "UP_TO_DATE_CATALOGUE",
                "TERRITORIAL_COOPERATION")) {
            commitments.put(code, true);
        }
        body.put("charter", new LinkedHashMap<>(Map.of("version", "V2", "commitments", commitments)));
        body.put("termsAccepted", true);
        body.put(
                "bank",
                new LinkedHashMap<>(Map.of("holder", "Association Exemple", "iban", iban(), "bic", "AGRIFRPP")));
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> firstPlace(Map<String, Object> application) {
        return ((List<Map<String, Object>>) application.get("places")).get(0);
    }

    /** A random SIRET whose Luhn checksum holds over the 14 digits and the 9-digit SIREN. */
    public static String siret() {
        return siret(ThreadLocalRandom.current());
    }

    /** A SIRET drawn from the given generator (reproducible with a seed). */
    public static String siret(java.util.Random random) {
        while (true) {
            String siren = complete(digits(random, 8));
            if (siren.startsWith("356000000")) {
                continue;
            }
            return complete(siren + digits(random, 4));
        }
    }

    /** A random French IBAN with a valid mod-97 check. */
    public static String iban() {
        return iban(ThreadLocalRandom.current());
    }

    /** An IBAN drawn from the given generator (reproducible with a seed). */
    public static String iban(java.util.Random random) {
        String bban = digits(random, 23);
        int check = 98
                - new java.math.BigInteger(bban + "152700")
                        .mod(java.math.BigInteger.valueOf(97))
                        .intValue();
        return "FR" + String.format("%02d", check) + bban;
    }

    private static String digits(java.util.Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private static String complete(String prefix) {
        for (int c = 0; c < 10; c++) {
            if (luhn(prefix + c)) {
                return prefix + c;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String digits) {
        int total = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            total += d;
        }
        return total % 10 == 0;
    }
}
