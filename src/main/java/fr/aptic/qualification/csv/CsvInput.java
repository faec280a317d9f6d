package fr.aptic.qualification.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The characters of a CSV byte stream, as the parser reads them (see {@link CsvReader} for the rules): a UTF-8
 * BOM is skipped, the charset is chosen at the first non-ASCII byte, bytes it cannot decode become
 * {@link #UNDECODABLE}, and the characters read since the last {@link #recordRead()} are capped, so that a quote
 * left open cannot pull the rest of a file into memory.
 */
final class CsvInput extends Reader {

    /** What undecodable bytes become: a noncharacter, which no CSV value holds in good faith. */
    static final char UNDECODABLE = '\uFFFF';

    static final int WINDOW_BYTES = 64 * 1024;

    /** How far the parser's own buffer may read past the record it is building. */
    static final int PARSER_READ_AHEAD = 8 * 1024;

    private static final Logger log = LoggerFactory.getLogger(CsvInput.class);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Thrown by {@link #read} when one record runs past the cap; reading cannot go on. */
    static final class RecordTooLargeException extends IOException {
        RecordTooLargeException(int maxRecordChars) {
            super("a record runs past " + maxRecordChars + " characters");
        }
    }

    private final InputStream in;
    private final int maxRecordChars;
    private final byte[] window = new byte[WINDOW_BYTES];
    private int position;
    private int limit;
    private boolean endOfInput;
    private long bytesRead;
    private long charsSinceRecord;
    private Charset charset = StandardCharsets.UTF_8;
    /** The rest of the input once the charset is chosen; {@code null} while it has been ASCII. */
    private Reader decoded;

    private char separator;

    private CsvInput(InputStream in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    /** Reads the first window, skips a BOM and picks the separator from the header line. */
    static CsvInput open(InputStream in, int maxRecordChars) throws IOException {
        CsvInput input = new CsvInput(in, maxRecordChars);
        input.fill();
        byte[] w = input.window;
        if (input.limit >= 3 && (w[0] & 0xFF) == 0xEF && (w[1] & 0xFF) == 0xBB && (w[2] & 0xFF) == 0xBF) {
            input.position = 3;
            input.decide(StandardCharsets.UTF_8);
        }
        input.separator = (char) CsvSniffing.separator(w, input.position, input.limit);
        return input;
    }

    /** UTF-8 or windows-1252; an input that has been ASCII so far reports UTF-8. */
    Charset charset() {
        return charset;
    }

    char separator() {
        return separator;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** The parser handed out a record: the cap counts again from here. */
    void recordRead() {
        charsSinceRecord = 0;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        int n = decoded != null ? decoded.read(chars, offset, length) : readAscii(chars, offset, length);
        if (n > 0) {
            charsSinceRecord += n;
            if (charsSinceRecord > (long) maxRecordChars + PARSER_READ_AHEAD) {
                throw new RecordTooLargeException(maxRecordChars);
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** ASCII reads the same in both charsets: bytes are characters until the first non-ASCII one. */
    private int readAscii(char[] chars, int offset, int length) throws IOException {
        if (position == limit) {
            position = 0;
            limit = 0;
            fill();
            if (limit == 0) {
                return -1;
            }
        }
        int n = 0;
        while (n < length && position < limit) {
            byte b = window[position];
            if (b < 0) {
                if (n > 0) {
                    return n;
                }
                decideAtFirstNonAscii();
                return decoded.read(chars, offset, length);
            }
            chars[offset + n++] = (char) b;
            position++;
        }
        return n;
    }

    /** Up to 64 KiB from the first non-ASCII byte must be strict UTF-8, else the input is windows-1252. */
    private void decideAtFirstNonAscii() throws IOException {
        System.arraycopy(window, position, window, 0, limit - position);
        limit -= position;
        position = 0;
        fill();
        // At the end of input a cut sequence is malformed; at the end of the window it is only cut.
        decide(CsvSniffing.isUtf8(window, limit, endOfInput) ? StandardCharsets.UTF_8 : WINDOWS_1252);
        log.debug("CSV input read as {} (first non-ASCII byte at offset {})", charset, bytesRead - limit);
    }

    private void decide(Charset chosen) {
        charset = chosen;
        CharsetDecoder decoder = chosen.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(UNDECODABLE));
        InputStream rest =
                new SequenceInputStream(new ByteArrayInputStream(window, position, limit - position), new Counted());
        decoded = new InputStreamReader(rest, decoder);
    }

    private void fill() throws IOException {
        while (!endOfInput && limit < window.length) {
            int n = in.read(window, limit, window.length - limit);
            if (n < 0) {
                endOfInput = true;
            } else {
                limit += n;
                bytesRead += n;
            }
        }
    }

    /** The stream past the window, counted into {@link #bytesRead()}. */
    private final class Counted extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (endOfInput) {
                return -1;
            }
            int n = in.read(bytes, offset, length);
            if (n < 0) {
                endOfInput = true;
            } else {
                bytesRead += n;
            }
            return n;
        }
    }
}
