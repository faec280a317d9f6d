package fr.aptic.qualification.csv;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One data record of a CSV input: its row number (the header is row 1; a record whose quoted fields span
 * several lines is one row) and its values by column, or the problem that makes it unusable.
 */
public final class CsvRecord {

    private final long row;
    private final String[] values;
    private final CsvHeader header;
    private final CsvProblem problem;

    CsvRecord(long row, String[] values, CsvHeader header, CsvProblem problem) {
        this.row = row;
        this.values = values;
        this.header = header;
        this.problem = problem;
    }

    public long row() {
        return row;
    }

    /**
     * The value of a column: unquoted values are trimmed, quoted ones kept as written; {@code ""} when the
     * value is empty or the header lacks this optional column. Values of a record with a {@link #problem()}
     * may be missing or misplaced.
     *
     * @throws IllegalArgumentException for a column neither the schema nor the header knows (a programming error)
     */
    public String get(String column) {
        int index = header.indexOf(column);
        return index >= 0 && index < values.length ? values[index] : "";
    }

    /** Why this record cannot be used (ragged row, undecodable bytes, broken quoting), if it cannot. */
    public Optional<CsvProblem> problem() {
        return Optional.ofNullable(problem);
    }

    public boolean hasProblem() {
        return problem != null;
    }

    /** The values in file order, as many as the record holds. */
    public List<String> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public String toString() {
        return "CsvRecord[row=" + row + ", values=" + Arrays.toString(values)
                + (problem == null ? "" : ", problem=" + problem.message()) + "]";
    }
}
