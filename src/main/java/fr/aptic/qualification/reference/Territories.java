package fr.aptic.qualification.reference;

import fr.aptic.qualification.csv.CsvReader;
import fr.aptic.qualification.csv.CsvRecord;
import fr.aptic.qualification.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The French territories applications are placed in: the 101 départements with their régions (INSEE 2022
 * lists in {@code reference/}), the overseas collectivities, and how postal and INSEE commune codes map to
 * them. Spring-free so that CSV imports, decisions and tests share one instance: {@link #defaults()}.
 */
public final class Territories {

    /**
     * Overseas collectivities: in France, but not départements and without a hub. Saint-Pierre-et-Miquelon,
     * Saint-Barthélemy, Saint-Martin, the French Southern and Antarctic Lands, Wallis-et-Futuna, French
     * Polynesia, New Caledonia.
     */
    public static final Set<String> OVERSEAS_COLLECTIVITIES = Set.of("975", "977", "978", "984", "986", "987", "988");

    /** Postal codes of Saint-Barthélemy and Saint-Martin, which kept Guadeloupe's 971 prefix. */
    private static final Map<String, String> POSTAL_CODE_EXCEPTIONS = Map.of("97133", "977", "97150", "978");

    private static final CsvSchema DEPARTEMENTS = CsvSchema.allRequired("departement", "region", "name");
    private static final CsvSchema REGIONS = CsvSchema.allRequired("region", "name");

    /** A département: its INSEE code, its name and the code of its région. */
    public record Departement(String code, String name, String region) {}

    private final Map<String, Departement> departements;
    private final Map<String, String> regionNames;

    private Territories(Map<String, Departement> departements, Map<String, String> regionNames) {
        this.departements = Collections.unmodifiableMap(departements);
        this.regionNames = Collections.unmodifiableMap(regionNames);
    }

    /** The INSEE 2022 lists shipped in the application ({@code reference/departements.csv}, {@code regions.csv}). */
    public static Territories defaults() {
        return Defaults.INSTANCE;
    }

    /** Territories from lists in the same CSV columns as the shipped ones. */
    public static Territories load(InputStream departementsCsv, InputStream regionsCsv) throws IOException {
        Map<String, String> regionNames = new LinkedHashMap<>();
        read(regionsCsv, REGIONS, r -> regionNames.put(r.get("region"), r.get("name")));
        Map<String, Departement> departements = new LinkedHashMap<>();
        read(departementsCsv, DEPARTEMENTS, r -> {
            Departement d = new Departement(r.get("departement"), r.get("name"), r.get("region"));
            if (!regionNames.containsKey(d.region())) {
                throw new IllegalArgumentException("département " + d.code() + " is in unknown région " + d.region());
            }
            departements.put(d.code(), d);
        });
        return new Territories(departements, regionNames);
    }

    /**
     * The département (or overseas collectivity) a postal code belongs to: its first two digits, except
     * Corsica ({@code 200xx}–{@code 201xx} are 2A, {@code 202xx}–{@code 206xx} 2B) and overseas, where
     * {@code 97x} and {@code 98x} take three digits (Saint-Barthélemy's 97133 and Saint-Martin's 97150 are
     * 977 and 978). Empty when the code is malformed or outside France, such as Monaco's {@code 980xx}.
     * A few communes carry a neighbouring département's postal code: prefer the INSEE code when there is one.
     */
    public Optional<String> departementOfPostalCode(String postalCode) {
        if (!PostalCode.isWellFormed(postalCode)) {
            return Optional.empty();
        }
        String exception = POSTAL_CODE_EXCEPTIONS.get(postalCode);
        if (exception != null) {
            return Optional.of(exception);
        }
        String code;
        if (postalCode.startsWith("20")) {
            char third = postalCode.charAt(2);
            code = third <= '1' ? "2A" : third <= '6' ? "2B" : null;
        } else if (postalCode.startsWith("97") || postalCode.startsWith("98")) {
            code = postalCode.substring(0, 3);
        } else {
            code = postalCode.substring(0, 2);
        }
        return Optional.ofNullable(code).filter(this::isInFrance);
    }

    /**
     * The département (or overseas collectivity) of a commune's INSEE code: its first two characters (2A and
     * 2B included), three when it starts with 97 or 98. Empty when malformed or not in France (Monaco's
     * INSEE code, 99138, is a foreign country's).
     */
    /**
     * A place's département: its commune's (INSEE code) when known, else its postal code's; null when neither
     * says.
     */
    public String departementOfPlace(String inseeCode, String postalCode) {
        if (inseeCode != null && !inseeCode.isBlank()) {
            Optional<String> fromInsee = departementOfInseeCode(inseeCode);
            if (fromInsee.isPresent()) {
                return fromInsee.get();
            }
        }
        return postalCode == null ? null : departementOfPostalCode(postalCode).orElse(null);
    }

    public Optional<String> departementOfInseeCode(String inseeCode) {
        if (inseeCode == null || inseeCode.length() != 5) {
            return Optional.empty();
        }
        String code = inseeCode.toUpperCase(Locale.ROOT);
        boolean corsican = code.startsWith("2A") || code.startsWith("2B");
        if (!Digits.areAscii(corsican ? code.substring(2) : code)) {
            return Optional.empty();
        }
        String prefix = code.startsWith("97") || code.startsWith("98") ? code.substring(0, 3) : code.substring(0, 2);
        return Optional.of(prefix).filter(this::isInFrance);
    }

    /** Whether the code is one of the 101 départements ({@code 01}…{@code 95}, {@code 2A}, {@code 2B}, {@code 971}…{@code 976}). */
    public boolean isDepartement(String code) {
        return code != null && departements.containsKey(code);
    }

    /** Whether the code is a département or an overseas collectivity (not Monaco, not abroad). */
    public boolean isInFrance(String departementOrCollectivity) {
        return isDepartement(departementOrCollectivity)
                || (departementOrCollectivity != null && OVERSEAS_COLLECTIVITIES.contains(departementOrCollectivity));
    }

    /** The INSEE code of the département's région ({@code "84"} for {@code "69"}). */
    public Optional<String> regionOf(String departement) {
        return find(departement).map(Departement::region);
    }

    /** The département's name ({@code "Corse-du-Sud"} for {@code "2A"}). */
    public Optional<String> nameOf(String departement) {
        return find(departement).map(Departement::name);
    }

    /** The région's name ({@code "Auvergne-Rhône-Alpes"} for {@code "84"}). */
    public Optional<String> regionName(String region) {
        return Optional.ofNullable(region).map(regionNames::get);
    }

    public Optional<Departement> find(String departement) {
        return Optional.ofNullable(departement).map(departements::get);
    }

    /** The 101 départements in the INSEE order. */
    public List<Departement> departements() {
        return List.copyOf(departements.values());
    }

    private static void read(InputStream csv, CsvSchema schema, Consumer<CsvRecord> onRecord) throws IOException {
        try (CsvReader reader = CsvReader.open(csv, schema)) {
            for (CsvRecord record : reader) {
                if (record.hasProblem()) {
                    throw new IllegalArgumentException("row " + record.row() + ": "
                            + record.problem().orElseThrow().message());
                }
                onRecord.accept(record);
            }
        }
    }

    /** Loaded on first use, once. */
    private static final class Defaults {
        static final Territories INSTANCE = loadDefaults();

        private static Territories loadDefaults() {
            ClassLoader loader = Territories.class.getClassLoader();
            try (InputStream departements = loader.getResourceAsStream("reference/departements.csv");
                    InputStream regions = loader.getResourceAsStream("reference/regions.csv")) {
                if (departements == null || regions == null) {
                    throw new IllegalStateException(
                            "reference/departements.csv or regions.csv missing from the classpath");
                }
                return load(departements, regions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
