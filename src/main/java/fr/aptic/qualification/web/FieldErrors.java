package fr.aptic.qualification.web;

import java.util.List;

/** An exception that names the fields it refuses; the engine REST API answers it 400 with those fields. */
public interface FieldErrors {

    List<FieldError> errors();
}
