package fr.aptic.qualification.csv;

/**
 * One thing wrong with a CSV input, shaped like an API validation error: the row (the header is row 1),
 * the column it concerns ({@code null} when the whole row is concerned) and a message for the submitter.
 */
public record CsvProblem(long row, String field, String message) {}
