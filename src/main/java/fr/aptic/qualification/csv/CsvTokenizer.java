package fr.aptic.qualification.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a CSV byte stream into records of raw fields, one at a time, through a 64 KiB buffer: quoting,
 * line ends, the record cap, and the choice of charset (see {@link CsvReader} for the rules). Works on bytes
 * because separators, quotes and line ends are single ASCII bytes in UTF-8 and Windows-1252 alike, and never
 * occur inside a UTF-8 multibyte sequence.
 */
final class CsvTokenizer implements Closeable {

    static final int WINDOW_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(CsvTokenizer.class);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte QUOTE = '"';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** What {@link #next()} found. */
    enum Outcome {
        RECORD,
        BLANK,
        END,
        TOO_LARGE,
        UNCLOSED_QUOTE
    }

    private enum State {
        FIELD_START,
        UNQUOTED,
        QUOTED,
        QUOTE_IN_QUOTED,
        AFTER_QUOTED
    }

    private final InputStream in;
    private final int maxRecordBytes;
    private final byte[] buffer = new byte[WINDOW_BYTES];
    private int position;
    private int limit;
    private boolean endOfInput;
    private long bytesRead;
    private boolean skipLineFeed;

    private final RecordBytes record;
    private Charset charset = StandardCharsets.UTF_8;
    private boolean charsetDecided;
    private CharsetDecoder decoder;
    private byte separator;
    private long row;
    private boolean tooLargeInsideQuotes;

    CsvTokenizer(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
        this.record = new RecordBytes(maxRecordBytes);
    }

    /** Reads the first window, skips a BOM and picks the separator from the header line. */
    void start() throws IOException {
        fill();
        if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            position = 3;
            decide(StandardCharsets.UTF_8);
        }
        separator = CsvSniffing.separator(buffer, position, limit);
    }

    Charset charset() {
        return charset;
    }

    byte separator() {
        return separator;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** The row of the record {@link #next()} last found, counting blank lines; the header is row 1. */
    long row() {
        return row;
    }

    int fieldCount() {
        return record.fieldCount();
    }

    /** The first field holding characters after its closing quote, -1 when none does. */
    int strayCharactersField() {
        return record.strayCharactersField;
    }

    /** Whether the record that went {@link Outcome#TOO_LARGE} was inside a quoted value then. */
    boolean tooLargeInsideQuotes() {
        return tooLargeInsideQuotes;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The field's value in the input's charset. */
    String decode(int field) throws CharacterCodingException {
        int start = record.fieldStart(field);
        int end = record.fieldEnd(field);
        if (!record.hasNonAscii(start, end)) {
            return new String(record.bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
        return decoder.decode(ByteBuffer.wrap(record.bytes, start, end - start)).toString();
    }

    private void decide(Charset chosen) {
        charset = chosen;
        charsetDecided = true;
        decoder = chosen.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Called at the first non-ASCII byte, at {@code position - 1}: everything before read the same either way. */
    private void decideCharset() throws IOException {
        position--;
        compactAndFill();
        int length = Math.min(WINDOW_BYTES, limit);
        // At the end of input a cut sequence is malformed; at the end of the window it is only cut.
        boolean wholeRest = endOfInput && length == limit;
        decide(CsvSniffing.isUtf8(buffer, length, wholeRest) ? StandardCharsets.UTF_8 : WINDOWS_1252);
        log.debug("CSV input read as {} (first non-ASCII byte at offset {})", charset, bytesRead - limit);
        position++;
    }

    /** Parses the next record's fields; numbers it (blank lines included). */
    Outcome next() throws IOException {
        record.clear();
        State state = State.FIELD_START;
        int consumed = 0;
        while (true) {
            if (position == limit) {
                fill();
                if (position == limit) {
                    return endOfInput(state);
                }
            }
            byte b = buffer[position++];
            if (b < 0 && !charsetDecided) {
                decideCharset();
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (b == LF) {
                    continue;
                }
            }
            if (++consumed > maxRecordBytes) {
                row++;
                tooLargeInsideQuotes = state == State.QUOTED;
                return Outcome.TOO_LARGE;
            }
            switch (state) {
                case FIELD_START -> {
                    if (b == QUOTE) {
                        record.startQuoted();
                        state = State.QUOTED;
                    } else if (b == separator) {
                        record.endField();
                    } else if (b == LF || b == CR) {
                        return endOfLine(b);
                    } else if (b != ' ' && b != '\t') {
                        record.append(b, true);
                        state = State.UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (b == separator) {
                        record.endField();
                        state = State.FIELD_START;
                    } else if (b == LF || b == CR) {
                        return endOfLine(b);
                    } else {
                        record.append(b, b != ' ' && b != '\t');
                    }
                }
                case QUOTED -> {
                    if (b == QUOTE) {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        record.append(b, true);
                    }
                }
                case QUOTE_IN_QUOTED, AFTER_QUOTED -> {
                    if (b == QUOTE && state == State.QUOTE_IN_QUOTED) {
                        record.append(QUOTE, true);
                        state = State.QUOTED;
                    } else if (b == separator) {
                        record.endField();
                        state = State.FIELD_START;
                    } else if (b == LF || b == CR) {
                        return endOfLine(b);
                    } else if (b == ' ' || b == '\t') {
                        state = State.AFTER_QUOTED;
                    } else {
                        record.strayCharacters();
                        record.append(b, true);
                        state = State.UNQUOTED;
                    }
                }
            }
        }
    }

    private Outcome endOfLine(byte lineEnd) {
        skipLineFeed = lineEnd == CR;
        return finishRecord();
    }

    private Outcome endOfInput(State state) {
        if (state == State.QUOTED) {
            row++;
            return Outcome.UNCLOSED_QUOTE;
        }
        if (state == State.FIELD_START && record.fieldCount() == 0) {
            return Outcome.END;
        }
        return finishRecord();
    }

    private Outcome finishRecord() {
        record.endField();
        row++;
        return record.isBlank() ? Outcome.BLANK : Outcome.RECORD;
    }

    private void fill() throws IOException {
        if (endOfInput) {
            return;
        }
        if (position == limit) {
            position = 0;
            limit = 0;
        }
        while (limit < buffer.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
                return;
            }
            limit += n;
            bytesRead += n;
        }
    }

    /** Moves the unread bytes to the front and reads until the buffer is full or the input ends. */
    private void compactAndFill() throws IOException {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        fill();
    }
}
