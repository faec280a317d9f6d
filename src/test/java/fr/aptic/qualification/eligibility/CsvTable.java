package fr.aptic.qualification.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small CSV file as a spreadsheet shows it: a header, then rows numbered like the spreadsheet's lines (the header
 * is row 1). Reads what spreadsheets write: {@code ,} or {@code ;} separators, quoted cells, a UTF-8 byte order mark.
 * Blank rows and rows whose first cell starts with {@code #} are comments.
 */
record CsvTable(String name, List<String> header, List<CsvTable.Row> rows) {

    /** One data row; {@code number} counts lines from the header (row 1). */
    record Row(int number, List<String> cells) {

        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /** A UTF-8 file, named by its file name. */
    static CsvTable read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UTF-8 resource of the test classpath, such as {@code /reference/hubs.csv}. */
    static CsvTable fromClasspath(String resource) {
        try (InputStream in = CsvTable.class.getResourceAsStream(resource)) {
            String content = new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
            return parse(resource.substring(resource.lastIndexOf('/') + 1), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CsvTable parse(String name, String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        char separator = separatorOf(text);
        List<Row> records = new Parser(text, separator).records();
        if (records.isEmpty()) {
            throw new IllegalArgumentException(name + " has no header row");
        }
        List<String> header = records.get(0).cells().stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (Row row : records.subList(1, records.size())) {
            if (row.cells().size() > header.size()) {
                throw new IllegalArgumentException(name + " row " + row.number() + " has "
                        + row.cells().size() + " cells but the header has " + header.size());
            }
            if (!isComment(row)) {
                rows.add(row);
            }
        }
        return new CsvTable(name, header, rows);
    }

    int column(String title) {
        return header.indexOf(title);
    }

    private static boolean isComment(Row row) {
        return row.cells().stream().allMatch(String::isBlank)
                || row.cell(0).strip().startsWith("#");
    }

    /** French spreadsheets save with {@code ;}: take whichever separator the header uses more. */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long commas = firstLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    /** RFC 4180 records, each numbered by the line it starts on. */
    private static final class Parser {
        private final String text;
        private final char separator;
        private int position;
        private int line = 1;

        Parser(String text, char separator) {
            this.text = text;
            this.separator = separator;
        }

        List<Row> records() {
            List<Row> records = new ArrayList<>();
            while (position < text.length()) {
                int start = line;
                records.add(new Row(start, record()));
            }
            return records;
        }

        private List<String> record() {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (quoted) {
                    if (c == '"' && peek() == '"') {
                        cell.append('"');
                        position++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        line += c == '\n' ? 1 : 0;
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == separator) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (c != '\r') {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : 0;
        }
    }
}
