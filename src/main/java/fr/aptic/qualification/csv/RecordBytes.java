package fr.aptic.qualification.csv;

import java.util.Arrays;

/** The raw bytes of one record being parsed, with where each field ends; never grows past the record cap. */
final class RecordBytes {

    byte[] bytes;
    int length;
    /** The first field holding characters after its closing quote, -1 when none does. */
    int strayCharactersField = -1;

    private final int capacity;
    private int[] fieldEnds = new int[32];
    private int fieldCount;
    /** End of the field's content without trailing spaces and tabs (unquoted fields are trimmed). */
    private int trimmedEnd;

    private boolean currentQuoted;
    private boolean anyQuoted;

    RecordBytes(int capacity) {
        this.capacity = capacity;
        this.bytes = new byte[Math.min(capacity, 1024)];
    }

    void clear() {
        length = 0;
        fieldCount = 0;
        trimmedEnd = 0;
        currentQuoted = false;
        anyQuoted = false;
        strayCharactersField = -1;
    }

    void startQuoted() {
        currentQuoted = true;
        anyQuoted = true;
    }

    void append(byte b, boolean significant) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(capacity, bytes.length * 2));
        }
        bytes[length++] = b;
        if (significant || currentQuoted) {
            trimmedEnd = length;
        }
    }

    void strayCharacters() {
        if (strayCharactersField < 0) {
            strayCharactersField = fieldCount;
        }
    }

    void endField() {
        if (!currentQuoted) {
            length = trimmedEnd;
        }
        if (fieldCount == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
        }
        fieldEnds[fieldCount++] = length;
        trimmedEnd = length;
        currentQuoted = false;
    }

    int fieldCount() {
        return fieldCount;
    }

    int fieldStart(int field) {
        return field == 0 ? 0 : fieldEnds[field - 1];
    }

    int fieldEnd(int field) {
        return fieldEnds[field];
    }

    /** A line holding nothing but spaces: one empty, unquoted field. */
    boolean isBlank() {
        return fieldCount == 1 && length == 0 && !anyQuoted;
    }

    boolean hasNonAscii(int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }
}
