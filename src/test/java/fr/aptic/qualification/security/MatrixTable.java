package fr.aptic.qualification.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorization matrix as the README writes it, between {@code <!-- authorization-matrix -->} and
 * {@code <!-- /authorization-matrix -->}: a header row of roles, then one row per endpoint whose cells read
 * {@code 200}, {@code 404}… and, for queries, {@code 200 ✓} (the answer holds the subject) or {@code 200 ∅}
 * (it does not). The README is the specification; the test checks every cell of it.
 */
record MatrixTable(List<String> columns, Map<String, List<Cell>> rows) {

    static final String START = "<!-- authorization-matrix -->";
    static final String END = "<!-- /authorization-matrix -->";
    private static final Pattern CELL = Pattern.compile("(\\d{3})(?:\\s*([✓∅]))?");

    /** One cell: the expected status and, for a query, whether the subject is in the answer. */
    record Cell(int status, Boolean sees) {

        static Cell parse(String text) {
            Matcher matcher = CELL.matcher(text.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("matrix cell must read like 200, 404, 200 ✓ or 200 ∅: " + text);
            }
            String mark = matcher.group(2);
            return new Cell(Integer.parseInt(matcher.group(1)), mark == null ? null : "✓".equals(mark));
        }

        boolean succeeds() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            return status + (sees == null ? "" : sees ? " ✓" : " ∅");
        }
    }

    static MatrixTable read(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(START);
        int end = lines.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(readme + " has no " + START + " … " + END + " section");
        }
        List<String> columns = null;
        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, end)) {
            if (!line.startsWith("|") || line.matches("\\|[-:| ]+\\|?")) {
                continue;
            }
            List<String> cells = split(line);
            if (columns == null) {
                columns = cells.subList(1, cells.size());
                continue;
            }
            String label = cells.get(0).replace("`", "").strip();
            List<Cell> parsed = new ArrayList<>();
            for (String cell : cells.subList(1, cells.size())) {
                parsed.add(Cell.parse(cell));
            }
            if (parsed.size() != columns.size()) {
                throw new IllegalStateException(
                        "row " + label + " has " + parsed.size() + " cells for " + columns.size() + " columns");
            }
            if (rows.put(label, parsed) != null) {
                throw new IllegalStateException("row written twice: " + label);
            }
        }
        if (columns == null) {
            throw new IllegalStateException("the matrix has no header row");
        }
        return new MatrixTable(columns, rows);
    }

    private static List<String> split(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
