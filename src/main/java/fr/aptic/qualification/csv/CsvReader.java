package fr.aptic.qualification.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV input record by record, in bounded memory whatever its length, as submitters actually send it:
 * UTF-8 with or without BOM or Windows-1252, {@code ,} or {@code ;} separated, RFC 4180 quoting, CRLF, LF or
 * CR line ends, a header row naming the columns. Apache Commons CSV splits the records; this class decides the
 * charset and the separator ({@link CsvInput}), numbers rows as a spreadsheet does, and turns what cannot be
 * read into {@link CsvProblem}s.
 *
 * <p>Rules a caller can rely on:
 *
 * <ul>
 *   <li>Encoding: a UTF-8 BOM means UTF-8. Otherwise the bytes are ASCII, hence read the same either way,
 *       until the first non-ASCII byte; up to 64 KiB from there must then decode as strict UTF-8 (a multibyte
 *       sequence cut by the end of that window is allowed), else the input is Windows-1252. Deciding at the
 *       first non-ASCII byte rather than on the first 64 KiB alone keeps a Windows-1252 file whose first
 *       accent comes late from being misread. A record that does not decode in the chosen charset gets a
 *       problem; the other records are read.
 *   <li>Separator: {@code ;} when the header holds more {@code ;} than {@code ,} outside quotes, else {@code ,}.
 *   <li>Values: unquoted values are trimmed of white space, quoted values are kept exactly (white space around
 *       the quotes is ignored); a quote inside an unquoted value is kept as a character.
 *   <li>Rows: the header is row 1 and each record counts one row however many lines its quoted values span.
 *       Blank lines (nothing but white space, or a lone {@code ""}) are skipped but counted, so row numbers
 *       match what a spreadsheet shows; the final line end adds no row.
 *   <li>Row problems that do not stop reading: a record with more or fewer fields than the header, bytes the
 *       charset cannot decode.
 *   <li>Problems that stop reading (the record carrying them is the last, and {@link #stoppedEarly()} turns
 *       true), because what follows broken quoting cannot be read with confidence: a quote never closed before
 *       the end of input, characters after a closing quote, a record larger than the cap (64 Ki characters by
 *       default).
 * </ul>
 *
 * <p>The caller bounds the total size (the web layer refuses bodies over 20 MiB); {@link #bytesRead()} and
 * {@link #recordsRead()} say how much was read. Closing the reader closes the stream.
 */
public final class CsvReader implements Iterable<CsvRecord>, Closeable {

    public static final int DEFAULT_MAX_RECORD_CHARS = 64 * 1024;

    private final CsvInput input;
    private final int maxRecordChars;
    private final Iterator<CSVRecord> parsed;
    private CsvHeader header;
    private long row;
    private long recordsRead;
    private boolean finished;
    private boolean stoppedEarly;
    private boolean iterated;

    private CsvReader(CsvInput input, int maxRecordChars) throws IOException {
        this.input = input;
        this.maxRecordChars = maxRecordChars;
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(input.separator())
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false)
                .get();
        this.parsed =
                CSVParser.builder().setReader(input).setFormat(format).get().iterator();
    }

    /**
     * Opens a CSV input and reads its header.
     *
     * @throws CsvHeaderException when the input is empty or its header does not fit the schema (a 400)
     * @throws IOException when the stream fails
     */
    public static CsvReader open(InputStream in, CsvSchema schema) throws IOException {
        return open(in, schema, DEFAULT_MAX_RECORD_CHARS);
    }

    /** As {@link #open(InputStream, CsvSchema)}, with another cap on the characters of one record. */
    public static CsvReader open(InputStream in, CsvSchema schema, int maxRecordChars) throws IOException {
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars must be positive");
        }
        CsvReader reader = null;
        try {
            reader = new CsvReader(CsvInput.open(in, maxRecordChars), maxRecordChars);
            reader.readHeader(schema);
            return reader;
        } catch (IOException | RuntimeException e) {
            if (reader != null) {
                reader.close();
            } else {
                in.close();
            }
            throw e;
        }
    }

    /** The input's charset: UTF-8 or windows-1252; an input that has been ASCII so far reports UTF-8. */
    public Charset charset() {
        return input.charset();
    }

    public char separator() {
        return input.separator();
    }

    /** The header's column names, trimmed, in file order. */
    public List<String> header() {
        return header.names();
    }

    /** Bytes taken from the stream so far, including up to 64 KiB read ahead. */
    public long bytesRead() {
        return input.bytesRead();
    }

    /** Data records handed out so far, with or without a problem (blank lines and the header excluded). */
    public long recordsRead() {
        return recordsRead;
    }

    /** Whether reading ended on a problem that leaves the rest of the input unread (see the class comment). */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * The records, read as the iteration goes; a reader can be iterated once.
     *
     * @throws UncheckedIOException from the iterator when the stream fails
     */
    @Override
    public Iterator<CsvRecord> iterator() {
        if (iterated) {
            throw new IllegalStateException("a CsvReader can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            private CsvRecord next;

            @Override
            public boolean hasNext() {
                if (next == null && !finished) {
                    next = nextRecord();
                }
                return next != null;
            }

            @Override
            public CsvRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRecord current = next;
                next = null;
                return current;
            }
        };
    }

    /** The records as a sequential stream, read lazily; close the reader, not only the stream. */
    public Stream<CsvRecord> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void close() throws IOException {
        finished = true;
        input.close();
    }

    private void readHeader(CsvSchema schema) throws IOException {
        CSVRecord first;
        try {
            if (!parsed.hasNext()) {
                throw CsvHeaderException.of("the input is empty: a header row naming the columns is required");
            }
            first = parsed.next();
        } catch (UncheckedIOException e) {
            throw CsvHeaderException.of("the header row cannot be read: " + unreadable(e.getCause()));
        }
        input.recordRead();
        row = 1;
        if (isBlank(first)) {
            throw CsvHeaderException.of("the first line is empty: it must be the header row naming the columns");
        }
        List<String> names = new ArrayList<>(first.size());
        for (String name : first) {
            if (name.indexOf(CsvInput.UNDECODABLE) >= 0) {
                throw CsvHeaderException.of(
                        "the header row cannot be read as " + charset().name());
            }
            // A BOM can survive as a character when a tool wrote it twice or converted the file.
            names.add(name.replace("\uFEFF", "").strip());
        }
        header = CsvHeader.check(names, schema);
    }

    /** The next record that is not a blank line, {@code null} at the end of input. */
    private CsvRecord nextRecord() {
        while (true) {
            CSVRecord record;
            try {
                if (!parsed.hasNext()) {
                    finished = true;
                    return null;
                }
                record = parsed.next();
            } catch (UncheckedIOException e) {
                return stop(e);
            }
            input.recordRead();
            if (length(record) > maxRecordChars) {
                return stop(new UncheckedIOException(new CsvInput.RecordTooLargeException(maxRecordChars)));
            }
            row++;
            if (!isBlank(record)) {
                return toRecord(record);
            }
        }
    }

    /** Broken quoting or an oversized record: the record it starts on is the last one handed out. */
    private CsvRecord stop(UncheckedIOException e) {
        String message = unreadable(e.getCause()) + "; reading stopped here";
        finished = true;
        stoppedEarly = true;
        recordsRead++;
        row++;
        return new CsvRecord(row, new String[0], header, new CsvProblem(row, null, message));
    }

    /** What made the parser give up, for the submitter; a failing stream is not the input's fault and goes on. */
    private String unreadable(IOException cause) {
        if (cause instanceof CsvInput.RecordTooLargeException) {
            return "the row is larger than " + maxRecordChars + " characters (is a quote left open?)";
        }
        if (cause instanceof CSVException) {
            String detail = String.valueOf(cause.getMessage());
            if (detail.contains("EOF reached before encapsulated token finished")) {
                return "the quote opened on this row is never closed";
            }
            if (detail.contains("Invalid character between encapsulated token and delimiter")) {
                return "characters after a closing quote (a quote inside a quoted value is written twice: \"\")";
            }
            return "the quoting of this row cannot be read";
        }
        throw new UncheckedIOException(cause);
    }

    private CsvRecord toRecord(CSVRecord record) {
        recordsRead++;
        String[] values = record.values();
        CsvProblem problem = null;
        if (values.length != header.size()) {
            problem = new CsvProblem(row, null, "expected " + header.size() + " fields, found " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].indexOf(CsvInput.UNDECODABLE) >= 0) {
                values[i] = "";
                if (problem == null) {
                    problem = new CsvProblem(
                            row,
                            header.nameOf(i),
                            "cannot be read as " + charset().name());
                }
            }
        }
        return new CsvRecord(row, values, header, problem);
    }

    /** The characters of a record's values: what the cap bounds exactly (the input bounds it within 8 Ki). */
    private static long length(CSVRecord record) {
        long length = 0;
        for (String value : record) {
            length += value.length();
        }
        return length;
    }

    /** A line holding nothing but white space, or a lone {@code ""}: one empty value. */
    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }
}
