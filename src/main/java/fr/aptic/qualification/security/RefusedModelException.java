package fr.aptic.qualification.security;

import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.FieldErrors;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/** A deployment refused because a model would run code; nothing of it was stored. */
public class RefusedModelException extends BadUserRequestException implements FieldErrors {

    private final transient List<FieldError> errors;

    public RefusedModelException(List<FieldError> errors) {
        super("Déploiement refusé : "
                + errors.stream().map(e -> e.field() + " : " + e.message()).collect(Collectors.joining(" ; ")));
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
