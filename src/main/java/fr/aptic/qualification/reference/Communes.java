package fr.aptic.qualification.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * France's communes and their postal codes ({@code reference/communes.csv}, written from the official lists by
 * {@code tools/reference-data}): which postal codes a commune's INSEE code has, and which communes a postal code
 * serves. One postal code serves several communes and a large commune has several postal codes, so a place is
 * checked on the pair; a former commune (déléguée or associée) is known by its own name and code and has its
 * commune's postal codes.
 */
public final class Communes {

    /** How many candidates a refusal names at most. */
    private static final int SHOWN = 8;

    /** A commune, a municipal arrondissement (Paris, Lyon, Marseille) or a former commune. */
    public record Commune(String inseeCode, String name, List<String> postalCodes, String parent, boolean former) {

        /** The code to write for a place there: a former commune's places are its commune's. */
        String currentCode() {
            return former ? parent : inseeCode;
        }

        @Override
        public String toString() {
            return name + " (" + inseeCode + ")";
        }
    }

    /** The outcome of {@link #locate}: the INSEE code to keep, or the field at fault and why. */
    public sealed interface Location {
        /** The place is where it says: {@code inseeCode} is the one given, or the one found. */
        record Found(String inseeCode) implements Location {}

        /** {@code field} is {@code postalCode}, {@code inseeCode} or {@code commune}. */
        record Refused(String field, String message) implements Location {}
    }

    private final Map<String, Commune> byInsee;
    private final Map<String, List<Commune>> byPostalCode;
    private final String source;

    private Communes(Map<String, Commune> byInsee, Map<String, List<Commune>> byPostalCode, String source) {
        this.byInsee = Collections.unmodifiableMap(byInsee);
        this.byPostalCode = Collections.unmodifiableMap(byPostalCode);
        this.source = source;
    }

    /** The list shipped in the application, loaded once. */
    public static Communes defaults() {
        return Defaults.INSTANCE;
    }

    public int size() {
        return byInsee.size();
    }

    /** Where the list comes from, as its header says ("npm @etalab/decoupage-administratif 6.0.0"). */
    public String source() {
        return source;
    }

    public Optional<Commune> byInseeCode(String inseeCode) {
        return Optional.ofNullable(byInsee.get(inseeCode));
    }

    /** The communes (and arrondissements and former communes) a postal code serves; empty when unknown. */
    public List<Commune> byPostalCode(String postalCode) {
        return byPostalCode.getOrDefault(postalCode, List.of());
    }

    /**
     * Checks a place's postal code against its commune: with an INSEE code, the postal code must be one of that
     * commune's; without, the commune's name is looked up among the postal code's communes and its INSEE code
     * filled in when exactly one commune answers. The postal code's format is checked before (5 digits).
     */
    public Location locate(String postalCode, String inseeCode, String communeName) {
        List<Commune> served = byPostalCode(postalCode);
        if (served.isEmpty()) {
            return new Location.Refused(
                    "postalCode",
                    "code postal inconnu : " + postalCode + " (un code CEDEX ne convient pas : donnez le code postal"
                            + " de la commune du lieu)");
        }
        if (inseeCode != null) {
            Commune commune = byInsee.get(inseeCode);
            if (commune == null) {
                return new Location.Refused("inseeCode", "code INSEE de commune inconnu : " + inseeCode);
            }
            if (!commune.postalCodes().contains(postalCode)) {
                return new Location.Refused(
                        "postalCode",
                        "le code postal " + postalCode + " n'est pas celui de la commune " + commune + " ; ses codes"
                                + " postaux : " + String.join(", ", commune.postalCodes())
                                + " ; communes du code postal "
                                + postalCode + " : " + shown(served));
            }
            return new Location.Found(inseeCode);
        }
        String wanted = Words.normalize(communeName);
        Set<String> codes = new LinkedHashSet<>();
        for (Commune commune : served) {
            if (Words.normalize(commune.name()).equals(wanted)) {
                codes.add(commune.currentCode());
            }
        }
        if (codes.size() == 1) {
            return new Location.Found(codes.iterator().next());
        }
        if (codes.isEmpty()) {
            return new Location.Refused(
                    "commune",
                    "la commune « " + PlainText.shown(communeName) + " » n'a pas le code postal " + postalCode
                            + " ; communes de ce code postal : " + shown(served) + " (ou donnez le code INSEE)");
        }
        List<Commune> candidates = codes.stream().map(byInsee::get).toList();
        return new Location.Refused(
                "inseeCode",
                "plusieurs communes « " + PlainText.shown(communeName) + " » ont le code postal " + postalCode + " : "
                        + shown(candidates) + " ; donnez le code INSEE");
    }

    private static String shown(List<Commune> communes) {
        String names = communes.stream().limit(SHOWN).map(Commune::toString).collect(Collectors.joining(", "));
        return communes.size() > SHOWN ? names + "… (" + communes.size() + " communes)" : names;
    }

    static Communes load(InputStream csv) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 64 * 1024);
        Map<String, String[]> rows = new HashMap<>(50_000);
        String source = "";
        boolean headerSeen = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("# Source : ")) {
                source = line.substring("# Source : ".length()).replaceAll(",.*", "");
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals("insee;nom;codes_postaux;commune")) {
                    throw new IOException("communes.csv: header insee;nom;codes_postaux;commune expected");
                }
                headerSeen = true;
                continue;
            }
            String[] cells = line.split(";", -1);
            if (cells.length != 4) {
                throw new IOException("communes.csv: 4 cells expected: " + line);
            }
            rows.put(cells[0], cells);
        }
        Map<String, Commune> byInsee = new HashMap<>(rows.size() * 2);
        Map<String, List<Commune>> byPostalCode = new HashMap<>(12_000);
        for (String[] cells : rows.values()) {
            String codes = cells[2];
            String parent = cells[3].isEmpty() ? null : cells[3];
            boolean former = codes.isEmpty();
            if (former) {
                String[] parentRow = parent == null ? null : rows.get(parent);
                if (parentRow == null || parentRow[2].isEmpty()) {
                    throw new IOException("communes.csv: " + cells[0] + " has no postal code and no commune with one");
                }
                codes = parentRow[2];
            }
            Commune commune = new Commune(cells[0], cells[1], List.of(codes.split("\\|")), parent, former);
            byInsee.put(commune.inseeCode(), commune);
            for (String postalCode : commune.postalCodes()) {
                byPostalCode
                        .computeIfAbsent(postalCode, k -> new ArrayList<>(2))
                        .add(commune);
            }
        }
        byPostalCode.replaceAll((code, list) -> list.stream()
                .sorted(java.util.Comparator.comparing(Commune::inseeCode))
                .toList());
        return new Communes(byInsee, byPostalCode, source);
    }

    /** Loaded on first use, once (about 37 000 lines, a few tens of milliseconds). */
    private static final class Defaults {
        static final Communes INSTANCE = loadDefaults();

        private static Communes loadDefaults() {
            try (InputStream csv = Communes.class.getClassLoader().getResourceAsStream("reference/communes.csv")) {
                if (csv == null) {
                    throw new IllegalStateException("reference/communes.csv missing from the classpath");
                }
                return load(csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
