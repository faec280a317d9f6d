package fr.aptic.qualification.csv;

import fr.aptic.qualification.csv.CsvTokenizer.Outcome;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a CSV input record by record, in bounded memory whatever its length (a 64 KiB read buffer and at
 * most one record), as submitters actually send it: UTF-8 with or without BOM or Windows-1252, {@code ,} or
 * {@code ;} separated, RFC 4180 quoting, CRLF or LF line ends, a header row naming the columns.
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
 *   <li>Values: unquoted values are trimmed of spaces and tabs, quoted values are kept exactly; a quote inside
 *       an unquoted value is kept as a character.
 *   <li>Rows: the header is row 1 and each record counts one row however many lines its quoted values span.
 *       Blank lines are skipped but counted, so row numbers match what a spreadsheet shows; the final line end
 *       adds no row.
 *   <li>Row problems that do not stop reading: a record with more or fewer fields than the header, bytes the
 *       charset cannot decode, characters after a closing quote.
 *   <li>Problems that stop reading (the record carrying them is the last, and {@link #stoppedEarly()} turns
 *       true): a quote never closed before the end of input, a record larger than the cap (64 KiB by default).
 * </ul>
 *
 * <p>The caller bounds the total size (the web layer refuses bodies over 20 MiB); {@link #bytesRead()} and
 * {@link #recordsRead()} say how much was read. Closing the reader closes the stream.
 */
public final class CsvReader implements Iterable<CsvRecord>, Closeable {

    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

    private final CsvTokenizer tokenizer;
    private final int maxRecordBytes;
    private CsvHeader header;
    private long recordsRead;
    private boolean finished;
    private boolean stoppedEarly;
    private boolean iterated;

    private CsvReader(InputStream in, int maxRecordBytes) {
        this.tokenizer = new CsvTokenizer(in, maxRecordBytes);
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Opens a CSV input and reads its header.
     *
     * @throws CsvHeaderException when the input is empty or its header does not fit the schema (a 400)
     * @throws IOException when the stream fails
     */
    public static CsvReader open(InputStream in, CsvSchema schema) throws IOException {
        return open(in, schema, DEFAULT_MAX_RECORD_BYTES);
    }

    /** As {@link #open(InputStream, CsvSchema)}, with another cap on the size of one record. */
    public static CsvReader open(InputStream in, CsvSchema schema, int maxRecordBytes) throws IOException {
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be positive");
        }
        CsvReader reader = new CsvReader(in, maxRecordBytes);
        try {
            reader.readHeader(schema);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /** The input's charset: UTF-8 or windows-1252; an input that has been ASCII so far reports UTF-8. */
    public Charset charset() {
        return tokenizer.charset();
    }

    public char separator() {
        return (char) tokenizer.separator();
    }

    /** The header's column names, trimmed, in file order. */
    public List<String> header() {
        return header.names();
    }

    /** Bytes taken from the stream so far, including up to 64 KiB read ahead. */
    public long bytesRead() {
        return tokenizer.bytesRead();
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
        tokenizer.close();
    }

    private void readHeader(CsvSchema schema) throws IOException {
        tokenizer.start();
        Outcome outcome = tokenizer.next();
        if (outcome == Outcome.END) {
            throw CsvHeaderException.of("the input is empty: a header row naming the columns is required");
        }
        if (outcome == Outcome.BLANK) {
            throw CsvHeaderException.of("the first line is empty: it must be the header row naming the columns");
        }
        if (outcome == Outcome.TOO_LARGE) {
            throw CsvHeaderException.of("the header row is larger than " + maxRecordBytes + " bytes");
        }
        if (outcome == Outcome.UNCLOSED_QUOTE) {
            throw CsvHeaderException.of("a quote opened in the header row is never closed");
        }
        List<String> names = new ArrayList<>(tokenizer.fieldCount());
        for (int i = 0; i < tokenizer.fieldCount(); i++) {
            String name;
            try {
                name = tokenizer.decode(i);
            } catch (CharacterCodingException e) {
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
        try {
            while (true) {
                Outcome outcome = tokenizer.next();
                switch (outcome) {
                    case END -> {
                        finished = true;
                        return null;
                    }
                    case BLANK -> {
                        continue;
                    }
                    case TOO_LARGE -> {
                        return stop(
                                null,
                                tokenizer.tooLargeInsideQuotes()
                                        ? "a quoted value that opens on this row runs past " + maxRecordBytes
                                                + " bytes (is a quote left open?); reading stopped here"
                                        : "the row is larger than " + maxRecordBytes + " bytes; reading stopped here");
                    }
                    case UNCLOSED_QUOTE -> {
                        return stop(
                                header.nameOf(tokenizer.fieldCount()),
                                "the quote opened on this row is never closed; reading stopped here");
                    }
                    default -> {
                        return toRecord();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvRecord stop(String field, String message) {
        finished = true;
        stoppedEarly = true;
        recordsRead++;
        long row = tokenizer.row();
        return new CsvRecord(row, new String[0], header, new CsvProblem(row, field, message));
    }

    private CsvRecord toRecord() {
        recordsRead++;
        long row = tokenizer.row();
        int count = tokenizer.fieldCount();
        String[] values = new String[count];
        CsvProblem problem = null;
        if (count != header.size()) {
            problem = new CsvProblem(row, null, "expected " + header.size() + " fields, found " + count);
        } else if (tokenizer.strayCharactersField() >= 0) {
            problem = new CsvProblem(
                    row, header.nameOf(tokenizer.strayCharactersField()), "characters after the closing quote");
        }
        for (int i = 0; i < count; i++) {
            try {
                values[i] = tokenizer.decode(i);
            } catch (CharacterCodingException e) {
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
}
