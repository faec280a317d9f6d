package fr.aptic.qualification.security;

import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.FieldErrors;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/** A task query or a filter refused for an expression outside the allow-list; nothing of it was evaluated. */
public class RefusedExpressionException extends BadUserRequestException implements FieldErrors {

    private final transient List<FieldError> errors;

    public RefusedExpressionException(List<FieldError> errors) {
        super("Expression refusée dans la requête de tâches : "
                + errors.stream().map(e -> e.field() + " (" + e.message() + ")").collect(Collectors.joining(", ")));
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
