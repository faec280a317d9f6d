package fr.aptic.qualification.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One validation failure as the API reports it: the field path ({@code places[0].postalCode}), a message in
 * French, and for CSV input the row (the header being row 1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer row, String field, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }

    public static FieldError atRow(int row, String field, String message) {
        return new FieldError(row, field, message);
    }

    /** The same error, its field prefixed by a parent path ({@code places[0]} + {@code .postalCode}). */
    public FieldError under(String prefix) {
        String path = field == null || field.isEmpty() ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field;
        return new FieldError(row, path, message);
    }
}
