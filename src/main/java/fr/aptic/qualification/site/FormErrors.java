package fr.aptic.qualification.site;

import fr.aptic.qualification.web.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's errors as a page shows them: beside each field (by the field's API path, as the inputs are named),
 * and in a summary at the top linking to each field, labelled in French.
 */
public final class FormErrors {

    /** One line of the summary: the field's element id, its label and the message. */
    public record Entry(String id, String label, String message, String href) {}

    private final Map<String, String> byField = new LinkedHashMap<>();
    private Map<String, String> typed = Map.of();
    private final List<Entry> summary;

    private FormErrors(List<FieldError> errors, String pageOfOtherSteps) {
        for (FieldError error : errors) {
            byField.merge(field(error), error.message(), (a, b) -> a + " ; " + b);
        }
        summary = byField.entrySet().stream()
                .map(e -> {
                    String id = id(e.getKey());
                    String href = pageOfOtherSteps == null
                            ? "#" + id
                            : pageOfOtherSteps + Step.owning(e.getKey()).slug() + "#" + id;
                    return new Entry(id, FieldLabels.of(e.getKey()), e.getValue(), href);
                })
                .toList();
    }

    public static FormErrors none() {
        return new FormErrors(List.of(), null);
    }

    /** Errors of the fields on this page: the summary links to them here. */
    public static FormErrors of(List<FieldError> errors) {
        return new FormErrors(errors, null);
    }

    /** Errors of fields asked on other steps: the summary links to the step under {@code stepsPath}. */
    static FormErrors onSteps(List<FieldError> errors, String stepsPath) {
        return new FormErrors(errors, stepsPath);
    }

    /** With what was typed in fields that could not be read, to show it again rather than lose it. */
    public FormErrors keeping(Map<String, String> typed) {
        this.typed = typed;
        return this;
    }

    /** What was typed in a field that could not be read, {@code null} otherwise. */
    public String typed(String field) {
        return typed.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public int count() {
        return byField.size();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The message beside a field, {@code null} when it has none. */
    public String get(String field) {
        return byField.get(field);
    }

    public List<Entry> summary() {
        return summary;
    }

    /** The element id of a field path: {@code places[0].postalCode} → {@code places-0-postalCode}. */
    static String id(String field) {
        String id = field.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
        return id.isEmpty() ? "formulaire" : id;
    }

    private static String field(FieldError error) {
        return error.field() == null ? "" : error.field();
    }
}
