package fr.aptic.qualification.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a network partner's bulk-submission CSV (API.md's columns), streaming, for tests and benchmarks: a
 * Java port of the shared {@code gen-network-csv} tool (same columns, places, kinds, services and spoilers;
 * another random generator, so not the same bytes for a seed).
 *
 * <p>{@code members} rows with valid, distinct SIRETs spread over metropolitan and overseas départements;
 * {@code bad} of them replaced by rows that must be rejected (broken SIRET checksum, unknown service, postal
 * code {@code ABCDE}, bad e-mail, place kind {@code CASTLE}, in turn).
 */
public final class NetworkCsv {

    public static final List<String> SERVICES = List.of(
            "Aide aux démarches administratives",
            "Maîtrise des outils numériques du quotidien",
            "Insertion professionnelle via le numérique",
            "Utilisation sécurisée du numérique",
            "Parentalité et éducation avec le numérique",
            "Loisirs et créations numériques",
            "Compréhension du monde numérique",
            "Accès internet et matériel informatique",
            "Acquisition de matériel informatique à prix solidaire");
    static final String[][] PLACES = {
        {"69001", "69381", "Lyon"},
        {"33000", "33063", "Bordeaux"},
        {"20000", "2A004", "Ajaccio"},
        {"20200", "2B033", "Bastia"},
        {"97400", "97411", "Saint-Denis"},
        {"59000", "59350", "Lille"},
        {"75011", "75111", "Paris"},
        {"35000", "35238", "Rennes"},
        {"13001", "13201", "Marseille"},
        {"31000", "31555", "Toulouse"},
        {"97300", "97302", "Cayenne"},
        {"67000", "67482", "Strasbourg"}
    };
    static final String[] KINDS = {
        "OWN_PLACE",
        "OWN_PLACE",
        "OWN_PLACE",
        "OWN_PLACE",
        "OWN_PLACE",
        "OWN_PLACE",
        "PARTNER_PLACE",
        "ITINERANT",
        "HOME"
    };
    public static final List<String> COLUMNS = List.of(
            "siret",
            "name",
            "legalForm",
            "contactName",
            "contactEmail",
            "placeName",
            "address",
            "postalCode",
            "inseeCode",
            "commune",
            "placeKind",
            "conventionReference",
            "services",
            "trainedMediators",
            "openingHoursPerWeek",
            "accessible",
            "servicesPerYear",
            "regulatedPrice",
            "charterAccepted",
            "iban",
            "bic");

    private final int members;
    private long seed = 1;
    private int bad;
    private char separator = ',';
    private Charset charset = StandardCharsets.UTF_8;

    private NetworkCsv(int members) {
        this.members = members;
    }

    public static NetworkCsv members(int members) {
        return new NetworkCsv(members);
    }

    public NetworkCsv seed(long seed) {
        this.seed = seed;
        return this;
    }

    public NetworkCsv bad(int bad) {
        this.bad = bad;
        return this;
    }

    public NetworkCsv semicolon() {
        this.separator = ';';
        return this;
    }

    public NetworkCsv cp1252() {
        this.charset = Charset.forName("windows-1252");
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    /** Writes the CSV row by row: memory stays small whatever the number of members. */
    public void write(OutputStream out) {
        Random random = new Random(seed);
        Map<Integer, Integer> spoiled = spoiledRows(random);
        Set<String> used = new HashSet<>();
        try {
            Writer writer = new OutputStreamWriter(out, charset);
            writer.write(String.join(String.valueOf(separator), COLUMNS));
            writer.write('\n');
            for (int i = 1; i <= members; i++) {
                Map<String, String> row = member(i, random, used);
                Integer k = spoiled.get(i - 1);
                if (k != null) {
                    spoil(row, k);
                }
                List<String> cells = new ArrayList<>(COLUMNS.size());
                COLUMNS.forEach(column -> cells.add(row.get(column)));
                writer.write(String.join(String.valueOf(separator), cells));
                writer.write('\n');
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row index → spoiler number, for {@code bad} distinct rows. */
    private Map<Integer, Integer> spoiledRows(Random random) {
        Map<Integer, Integer> spoiled = new HashMap<>();
        int count = Math.min(bad, members);
        for (int k = 0; k < count; k++) {
            int index;
            do {
                index = random.nextInt(members);
            } while (spoiled.containsKey(index));
            spoiled.put(index, k);
        }
        return spoiled;
    }

    private static Map<String, String> member(int i, Random random, Set<String> used) {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String kind = KINDS[random.nextInt(KINDS.length)];
        List<String> pool = new ArrayList<>(SERVICES);
        java.util.Collections.shuffle(pool, random);
        List<String> services = pool.subList(0, 1 + random.nextInt(4));
        Map<String, String> row = new LinkedHashMap<>();
        row.put("siret", siret(random, used));
        row.put("name", "Espace numérique " + i);
        row.put("legalForm", "ASSOCIATION");
        row.put("contactName", "Contact " + i);
        row.put("contactEmail", "contact" + i + "@example.org");
        row.put("placeName", "Lieu " + i);
        row.put("address", (1 + random.nextInt(200)) + " rue de la Paix");
        row.put("postalCode", place[0]);
        row.put("inseeCode", place[1]);
        row.put("commune", place[2]);
        row.put("placeKind", kind);
        row.put("conventionReference", "PARTNER_PLACE".equals(kind) ? "CONV-" + i : "");
        row.put("services", String.join("|", services));
        row.put("trainedMediators", String.valueOf(1 + random.nextInt(5)));
        row.put("openingHoursPerWeek", String.valueOf(10 + random.nextInt(36)));
        row.put("accessible", random.nextBoolean() ? "true" : "false");
        row.put("servicesPerYear", String.valueOf(800 + random.nextInt(1801)));
        row.put("regulatedPrice", "true");
        row.put("charterAccepted", "true");
        row.put("iban", Samples.iban(random));
        row.put("bic", "AGRIFRPP");
        return row;
    }

    private static void spoil(Map<String, String> row, int k) {
        switch (k % 5) {
            case 0 -> {
                String siret = row.get("siret");
                int last = siret.charAt(13) - '0';
                row.put("siret", siret.substring(0, 13) + (last + 1) % 10);
            }
            case 1 -> row.put("services", "Cours de cuisine");
            case 2 -> row.put("postalCode", "ABCDE");
            case 3 -> row.put("contactEmail", "not-an-email");
            default -> row.put("placeKind", "CASTLE");
        }
    }

    private static String siret(Random random, Set<String> used) {
        while (true) {
            String value = Samples.siret(random);
            if (used.add(value)) {
                return value;
            }
        }
    }
}
