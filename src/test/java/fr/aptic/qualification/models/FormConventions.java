package fr.aptic.qualification.models;

import static fr.aptic.qualification.models.ModelIds.isKebabCase;
import static fr.aptic.qualification.models.ModelIds.isModelerDefault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The conventions of one Camunda Form: its id is its kebab-case file name, and its fields have meaningful keys. */
final class FormConventions {

    private FormConventions() {}

    static String id(JsonNode form) {
        return form.path("id").asText("");
    }

    static List<ModelViolation> check(ModelFile file, JsonNode form) {
        List<ModelViolation> violations = new ArrayList<>();
        if (!isKebabCase(file.baseName())) {
            violations.add(ModelViolation.ofFile(
                    file,
                    "file name is not kebab-case (lower-case words joined by hyphens, e.g. review-application.form)"));
        }
        String id = id(form);
        if (id.isEmpty()) {
            violations.add(ModelViolation.ofFile(file, "no form id"));
        } else if (isModelerDefault(id)) {
            violations.add(ModelViolation.of(
                    file,
                    id,
                    "form",
                    "Modeler default id: the form id must be the file name \"" + file.baseName() + "\""));
        } else if (!id.equals(file.baseName())) {
            violations.add(ModelViolation.of(
                    file, id, "form", "form id must equal the file name \"" + file.baseName() + "\""));
        }
        checkKeys(file, form.path("components"), violations);
        return violations;
    }

    /** A field's key is the process variable it fills, so a generated one ({@code field_0ab12cd}) leaks into processes. */
    private static void checkKeys(ModelFile file, JsonNode components, List<ModelViolation> violations) {
        for (JsonNode component : components) {
            String key = component.path("key").asText("");
            if (isModelerDefault(key)) {
                violations.add(ModelViolation.of(
                        file,
                        key,
                        component.path("type").asText("field"),
                        "Modeler default key: name it after the variable it fills (e.g. reviewComment)"));
            }
            checkKeys(file, component.path("components"), violations);
        }
    }
}
