package fr.aptic.qualification.csv;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Says why a CSV input cannot be read at all: no header, or a header whose columns do not match the
 * expected ones (missing, unknown, duplicate, unnamed). The web layer answers it with a 400 listing
 * {@link #problems()}, each on row 1 and naming the column.
 */
public class CsvHeaderException extends RuntimeException {

    private final transient List<CsvProblem> problems;

    public CsvHeaderException(List<CsvProblem> problems) {
        super(problems.stream().map(CsvProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    static CsvHeaderException of(String message) {
        return new CsvHeaderException(List.of(new CsvProblem(1, null, message)));
    }

    public List<CsvProblem> problems() {
        return problems;
    }
}
