package fr.aptic.qualification.application;

import fr.aptic.qualification.reference.Email;
import fr.aptic.qualification.reference.PlainText;
import fr.aptic.qualification.web.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Collects an application's field errors; its checks answer the value when it is usable, null otherwise. */
final class FieldChecks {

    final List<FieldError> list = new ArrayList<>();

    void add(String field, String message) {
        list.add(FieldError.of(field, message));
    }

    String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "obligatoire");
            }
            return null;
        }
        if (value.length() > max) {
            add(field, "trop long (au plus " + max + " caractères)");
            return null;
        }
        if (!PlainText.isSingleLine(value)) {
            add(field, "caractères de contrôle interdits");
            return null;
        }
        return value;
    }

    void multiline(String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            add(field, "trop long (au plus " + max + " caractères)");
        } else if (!PlainText.isMultiLine(value)) {
            add(field, "caractères de contrôle interdits");
        }
    }

    void email(String field, String value) {
        String email = text(field, value, 254, true);
        if (email != null && !Email.isValid(email)) {
            add(field, "adresse électronique invalide");
        }
    }

    void range(String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                add(field, "obligatoire");
            }
        } else if (value < min || value > max) {
            add(field, "doit être entre " + min + " et " + max);
        }
    }
}
