package fr.aptic.qualification.csv;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns a CSV input is expected to have: which may appear, which must, and whether other columns
 * are tolerated (then ignored). Column names match the header case-insensitively, after trimming.
 */
public record CsvSchema(List<String> columns, Set<String> required, boolean unknownColumnsAllowed) {

    public CsvSchema {
        columns = List.copyOf(columns);
        Set<String> keys = new LinkedHashSet<>();
        for (String column : columns) {
            if (!keys.add(key(column))) {
                throw new IllegalArgumentException("column " + column + " is listed twice");
            }
        }
        Set<String> requiredKeys = new LinkedHashSet<>();
        for (String column : required) {
            if (!keys.contains(key(column))) {
                throw new IllegalArgumentException("required column " + column + " is not among the columns");
            }
            requiredKeys.add(key(column));
        }
        // Kept in the schema's order and spelling, so problems name columns the way the API documents them.
        required = columns.stream()
                .filter(c -> requiredKeys.contains(key(c)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        required = Collections.unmodifiableSet(required);
    }

    /** Every column must appear in the header; no other column may. */
    public static CsvSchema allRequired(String... columns) {
        return allRequired(Arrays.asList(columns));
    }

    /** Every column must appear in the header; no other column may. */
    public static CsvSchema allRequired(List<String> columns) {
        return new CsvSchema(columns, new LinkedHashSet<>(columns), false);
    }

    /** The header may hold any of {@code columns}, must hold {@code required}, and nothing else. */
    public static CsvSchema of(List<String> columns, Collection<String> required) {
        return new CsvSchema(columns, new LinkedHashSet<>(required), false);
    }

    /** The same schema, but columns it does not name are ignored instead of refused. */
    public CsvSchema allowingUnknownColumns() {
        return new CsvSchema(columns, required, true);
    }

    /** The expected column matching a header name, as the schema spells it, or {@code null}. */
    String canonical(String headerName) {
        String key = key(headerName);
        return columns.stream().filter(c -> key(c).equals(key)).findFirst().orElse(null);
    }

    static String key(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }
}
