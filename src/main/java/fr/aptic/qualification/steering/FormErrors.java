package fr.aptic.qualification.steering;

import fr.aptic.qualification.web.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A steering form's errors as the page shows them: beside each field (by the form's field name) and in a summary
 * at the top that links to each field. The services' field names (the API's) are renamed to the form's.
 */
final class FormErrors {

    /** One line of the summary. */
    record Entry(String field, String label, String message) {}

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final Map<String, String> labels;

    private FormErrors(Map<String, String> labels) {
        this.labels = labels;
    }

    static FormErrors none() {
        return new FormErrors(Map.of());
    }

    /**
     * The errors of a form whose fields are {@code labels}' keys, in its order; {@code renamed} maps a service's
     * field to the form's. An error on an unknown field goes to {@code fallback}.
     */
    static FormErrors of(
            List<FieldError> errors, Map<String, String> labels, Map<String, String> renamed, String fallback) {
        FormErrors page = new FormErrors(labels);
        for (FieldError error : errors) {
            String field = renamed.getOrDefault(error.field() == null ? "" : error.field(), error.field());
            if (!labels.containsKey(field)) {
                field = fallback;
            }
            page.byField.merge(field, error.message(), (a, b) -> a + " ; " + b);
        }
        return page;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public int count() {
        return byField.size();
    }

    /** The message beside a field, {@code null} when it has none. */
    public String get(String field) {
        return byField.get(field);
    }

    public List<Entry> summary() {
        return labels.keySet().stream()
                .filter(byField::containsKey)
                .map(field -> new Entry(field, labels.get(field), byField.get(field)))
                .toList();
    }
}
