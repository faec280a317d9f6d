package fr.aptic.qualification.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Legal forms as France writes them: INSEE's <i>catégories juridiques</i> (codes of level II and III, {@code
 * reference/categories-juridiques.csv}) and the words people use ({@code reference/formes-juridiques-usuelles.csv}),
 * each read as one of the canonical forms the decision tables know. Case, accents, punctuation and spacing do not
 * matter; the canonical codes themselves ({@code ASSOCIATION}, …) are read as they are.
 */
public final class LegalForms {

    /** The canonical forms: what an application stores and what {@code dmn/} reads as {@code legalForm}. */
    public static final Set<String> CANONICAL = Set.of(
            "ASSOCIATION",
            "FOUNDATION",
            "COOPERATIVE",
            "COMPANY",
            "SOLE_TRADER",
            "MUNICIPALITY",
            "INTERMUNICIPALITY",
            "PUBLIC_BODY",
            "OTHER");

    /** Words that a prefix may stand for are at least this long ("sas …" yes, "sa …" no). */
    private static final int PREFIX_MIN = 3;

    /**
     * A legal form understood: the canonical form, INSEE's category when the words say it ({@code 9220}, {@code
     * 72}; null for "SCOP", which may be a SARL or an SA), and the category's French label.
     */
    public record LegalForm(String canonical, String category, String label) {}

    private record Category(String code, String label, String canonical) {}

    private final Map<String, Category> categories;
    private final Map<String, LegalForm> words;

    private LegalForms(Map<String, Category> categories, Map<String, LegalForm> words) {
        this.categories = Collections.unmodifiableMap(categories);
        this.words = Collections.unmodifiableMap(words);
    }

    /** The lists shipped in the application, loaded once. */
    public static LegalForms defaults() {
        return Defaults.INSTANCE;
    }

    /** How many INSEE categories are known (level II and III). */
    public int categoryCount() {
        return categories.size();
    }

    /** What the written form means, or empty when it is not a legal form this application knows. */
    public Optional<LegalForm> resolve(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String text = written.strip();
        if (CANONICAL.contains(text)) {
            return Optional.of(new LegalForm(text, null, null));
        }
        String normalized = Words.normalize(text);
        String digits = normalized.replace(" ", "");
        if (!digits.isEmpty() && Digits.areAscii(digits)) {
            return byCode(digits);
        }
        LegalForm exact = words.get(normalized);
        if (exact != null) {
            return Optional.of(exact);
        }
        // "Mairie de Bastia", "Association loi 1901 déclarée en préfecture": the longest known words in front
        for (int end = normalized.lastIndexOf(' '); end >= PREFIX_MIN; end = normalized.lastIndexOf(' ', end - 1)) {
            LegalForm prefix = words.get(normalized.substring(0, end));
            if (prefix != null) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    /** A code of level II, or of level III (one not listed is read through its level II, its first two digits). */
    private Optional<LegalForm> byCode(String code) {
        Category category = categories.get(code);
        if (category != null) {
            return Optional.of(new LegalForm(category.canonical(), code, category.label()));
        }
        if (code.length() == 4) {
            Category level2 = categories.get(code.substring(0, 2));
            if (level2 != null) {
                return Optional.of(new LegalForm(level2.canonical(), code, level2.label()));
            }
        }
        return Optional.empty();
    }

    /** The French message for a form that {@link #resolve} does not know: examples, never a list of codes. */
    public static String unknown(String written) {
        return "forme juridique non reconnue : « " + PlainText.shown(written) + " » ; écrivez-la comme sur vos"
                + " statuts, par exemple « Association loi 1901 », « Commune », « Communauté de communes »,"
                + " « CCAS », « SCIC », « SAS » ou « Micro-entrepreneur », ou donnez son code INSEE (« 9220 »)";
    }

    static LegalForms load(InputStream categoriesCsv, InputStream wordsCsv) throws IOException {
        Map<String, Category> categories = new LinkedHashMap<>();
        for (List<String> row : rows(categoriesCsv, "code;libelle;forme")) {
            String code = row.get(0);
            if (!Digits.areAscii(code) || (code.length() != 2 && code.length() != 4)) {
                throw new IOException("categories-juridiques.csv: code of 2 or 4 digits expected: " + code);
            }
            categories.put(code, new Category(code, row.get(1), canonical(row.get(2))));
        }
        Map<String, LegalForm> words = new HashMap<>();
        for (Category category : categories.values()) {
            words.put(
                    Words.normalize(category.label()),
                    new LegalForm(category.canonical(), category.code(), category.label()));
        }
        for (String canonical : CANONICAL) {
            words.put(Words.normalize(canonical), new LegalForm(canonical, null, null));
        }
        for (List<String> row : rows(wordsCsv, "mots;code;forme")) {
            String code = row.get(1);
            LegalForm meaning;
            if (code.isEmpty()) {
                meaning = new LegalForm(canonical(row.get(2)), null, null);
            } else {
                Category category = categories.get(code);
                if (category == null) {
                    throw new IOException("formes-juridiques-usuelles.csv: unknown code " + code);
                }
                meaning = new LegalForm(category.canonical(), code, category.label());
            }
            words.put(Words.normalize(row.get(0)), meaning);
        }
        return new LegalForms(categories, words);
    }

    private static String canonical(String form) throws IOException {
        if (!CANONICAL.contains(form)) {
            throw new IOException("unknown canonical legal form " + form);
        }
        return form;
    }

    /** The rows of a {@code ;}-separated reference file with {@code #} comments, after its header. */
    private static List<List<String>> rows(InputStream in, String header) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<List<String>> rows = new java.util.ArrayList<>();
        boolean headerSeen = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(header)) {
                    throw new IOException("header " + header + " expected, found " + line);
                }
                headerSeen = true;
                continue;
            }
            List<String> cells = List.of(line.split(";", -1));
            if (cells.size() != 3) {
                throw new IOException("3 cells expected: " + line);
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Loaded on first use, once. */
    private static final class Defaults {
        static final LegalForms INSTANCE = loadDefaults();

        private static LegalForms loadDefaults() {
            ClassLoader loader = LegalForms.class.getClassLoader();
            try (InputStream categories = loader.getResourceAsStream("reference/categories-juridiques.csv");
                    InputStream words = loader.getResourceAsStream("reference/formes-juridiques-usuelles.csv")) {
                if (categories == null || words == null) {
                    throw new IllegalStateException("reference/categories-juridiques.csv or"
                            + " formes-juridiques-usuelles.csv missing from the classpath");
                }
                return load(categories, words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
