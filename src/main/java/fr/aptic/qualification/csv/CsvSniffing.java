package fr.aptic.qualification.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What a CSV input's first bytes say of it: its separator, and whether it is UTF-8 (see {@link CsvReader}). */
final class CsvSniffing {

    private static final byte QUOTE = '"';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private CsvSniffing() {}

    /** {@code ;} when the first line holds more of them than {@code ,} outside quotes, else {@code ,}. */
    static byte separator(byte[] buffer, int from, int to) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            if (b == QUOTE) {
                quoted = !quoted;
            } else if (!quoted && (b == LF || b == CR)) {
                break;
            } else if (!quoted && b == ',') {
                commas++;
            } else if (!quoted && b == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? (byte) ';' : (byte) ',';
    }

    /**
     * Whether the window decodes as strict UTF-8. {@code wholeRest}: the window holds the rest of the input, so a
     * multibyte sequence cut at its end is malformed rather than only cut.
     */
    static boolean isUtf8(byte[] window, int length, boolean wholeRest) {
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return !strict.decode(ByteBuffer.wrap(window, 0, length), CharBuffer.allocate(length), wholeRest)
                .isError();
    }
}
