package fr.aptic.qualification.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the API answers with a client error: its status, a French explanation and, for validation,
 * the fields at fault. Thrown before anything is stored, so a rejected request changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    public ProblemException(HttpStatus status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "La requête contient des valeurs invalides", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(FieldError.of(field, message)));
    }

    /** JSON that does not fit the expected shape, naming the field Jackson stopped at ({@code ""}: the body). */
    public static ProblemException unreadable(com.fasterxml.jackson.core.JsonProcessingException e) {
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                ? ProblemHandler.path(mapping)
                : "";
        String message = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown
                ? "champ inconnu : " + unknown.getPropertyName()
                : "valeur de type incorrect ou JSON mal formé";
        return invalid(field, message);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
