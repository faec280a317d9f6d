package fr.aptic.qualification.models;

/**
 * One broken model convention: the file (relative to the models root, e.g. {@code bpmn/x.bpmn}), the element
 * concerned (empty for the whole file) and what is wrong.
 */
public record ModelViolation(String file, String elementId, String elementType, String problem) {

    static ModelViolation ofFile(ModelFile file, String problem) {
        return new ModelViolation(file.name(), "", "", problem);
    }

    static ModelViolation of(ModelFile file, String elementId, String elementType, String problem) {
        return new ModelViolation(file.name(), elementId, elementType, problem);
    }

    /** Reads like {@code bpmn/free-qualification.bpmn: Task_ReviewApplication (userTask): no camunda:dueDate}. */
    @Override
    public String toString() {
        if (elementId.isEmpty()) {
            return file + ": " + problem;
        }
        return file + ": " + elementId + " (" + elementType + "): " + problem;
    }
}
