package fr.aptic.qualification.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A header row checked against its schema: where each column sits, by the schema's spelling. */
final class CsvHeader {

    private final List<String> names;
    private final CsvSchema schema;
    private final Map<String, Integer> indexByKey = new HashMap<>();

    private CsvHeader(List<String> names, CsvSchema schema) {
        this.names = List.copyOf(names);
        this.schema = schema;
    }

    /** Checks the trimmed header names against the schema, reporting every problem at once. */
    static CsvHeader check(List<String> names, CsvSchema schema) {
        CsvHeader header = new CsvHeader(names, schema);
        List<CsvProblem> problems = new ArrayList<>();
        Set<String> reportedDuplicates = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String canonical = schema.canonical(name);
            if (name.isEmpty()) {
                if (!schema.unknownColumnsAllowed()) {
                    problems.add(new CsvProblem(1, null, "column " + (i + 1) + " has no name"));
                }
            } else if (canonical == null && !schema.unknownColumnsAllowed()) {
                problems.add(new CsvProblem(1, name, "unknown column '" + name + "'"));
            } else if (header.indexByKey.putIfAbsent(CsvSchema.key(name), i) != null
                    && canonical != null
                    && reportedDuplicates.add(canonical)) {
                problems.add(new CsvProblem(1, canonical, "column '" + canonical + "' appears more than once"));
            }
        }
        for (String column : schema.required()) {
            if (!header.indexByKey.containsKey(CsvSchema.key(column))) {
                problems.add(new CsvProblem(1, column, "missing required column '" + column + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvHeaderException(problems);
        }
        return header;
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** Index of the column in the row, -1 when the header lacks it (an optional column). */
    int indexOf(String column) {
        Integer index = indexByKey.get(CsvSchema.key(column));
        if (index != null) {
            return index;
        }
        if (schema.canonical(column) == null) {
            throw new IllegalArgumentException("column " + column + " is neither in the schema nor in the header");
        }
        return -1;
    }

    /** The name to report for a field: the schema's spelling when it has one, else the header's, else its position. */
    String nameOf(int index) {
        if (index >= names.size()) {
            return "column " + (index + 1);
        }
        String name = names.get(index);
        String canonical = schema.canonical(name);
        return canonical != null ? canonical : name.isEmpty() ? "column " + (index + 1) : name;
    }
}
