package fr.aptic.qualification.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes RFC 4180 CSV in UTF-8 with {@code ,} separators, quoting a value only when it needs it, and
 * neutralises formula injection in text cells.
 *
 * <p>Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula, so a place name such as
 * {@code =HYPERLINK(...)} submitted by anyone would run on a hub reviewer's machine. {@link #cell(String)}
 * therefore prefixes such values with a single quote, which spreadsheets show as text; the price is that
 * a text like {@code +33 1 23 45 67 89} comes out as {@code '+33 1 23 45 67 89}. Values the application
 * computes itself go through the typed methods ({@link #number(long)}, ...), which write them as they are,
 * so that {@code -3} stays a number.
 *
 * <p>Apache Commons CSV prints the cells ({@link QuoteMode#MINIMAL}): a value is quoted when it holds the
 * separator, a quote, CR or LF, starts with a character up to {@code #} (space and tab included) or ends with
 * white space, so that {@link CsvReader}, which trims unquoted values, reads it back unchanged. Methods throw
 * {@link UncheckedIOException} when the stream fails.
 */
public final class CsvWriter implements Closeable, Flushable {

    /** How rows end: LF for files and most tools, CRLF as RFC 4180 writes it. */
    public enum LineEnding {
        LF("\n"),
        CRLF("\r\n");

        private final String characters;

        LineEnding(String characters) {
            this.characters = characters;
        }
    }

    private final CSVPrinter printer;

    private CsvWriter(Writer out, LineEnding lineEnding, char separator) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(separator)
                .setQuoteMode(QuoteMode.MINIMAL)
                .setRecordSeparator(lineEnding.characters)
                .get();
        try {
            this.printer = new CSVPrinter(out, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer of UTF-8 (no BOM) with LF line ends; closing it closes the stream. */
    public static CsvWriter open(OutputStream out) {
        return open(out, LineEnding.LF);
    }

    public static CsvWriter open(OutputStream out, LineEnding lineEnding) {
        return new CsvWriter(utf8(out), lineEnding, ',');
    }

    /**
     * A file a spreadsheet set to French opens in columns with its accents right: UTF-8 with a byte order mark,
     * {@code ;} between cells, CRLF line ends.
     */
    public static CsvWriter forSpreadsheet(OutputStream out) {
        Writer writer = utf8(out);
        try {
            writer.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvWriter(writer, LineEnding.CRLF, ';');
    }

    /** Writes a whole row of text cells (header rows included). */
    public CsvWriter row(String... cells) {
        for (String cell : cells) {
            cell(cell);
        }
        return endRow();
    }

    /** Writes a whole row of text cells (header rows included). */
    public CsvWriter row(Iterable<String> cells) {
        for (String cell : cells) {
            cell(cell);
        }
        return endRow();
    }

    /** A text cell, neutralised against formula injection; {@code null} writes an empty cell. */
    public CsvWriter cell(String value) {
        String text = value == null ? "" : value;
        return write(startsLikeFormula(text) ? "'" + text : text);
    }

    public CsvWriter number(long value) {
        return write(Long.toString(value));
    }

    public CsvWriter number(BigDecimal value) {
        return write(value == null ? "" : value.toPlainString());
    }

    /** A finite number, without exponent ({@code 48.8566}, not {@code 4.88566E1}). */
    public CsvWriter number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return write(BigDecimal.valueOf(value).toPlainString());
    }

    public CsvWriter bool(boolean value) {
        return write(Boolean.toString(value));
    }

    /** An empty cell. */
    public CsvWriter empty() {
        return write("");
    }

    public CsvWriter endRow() {
        try {
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OWASP list of characters that make a spreadsheet read a cell as a formula. */
    static boolean startsLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static Writer utf8(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
    }

    private CsvWriter write(String text) {
        try {
            printer.print(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
