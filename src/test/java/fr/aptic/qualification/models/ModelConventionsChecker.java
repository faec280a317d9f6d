package fr.aptic.qualification.models;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Checks the models under a root holding {@code bpmn/}, {@code dmn/} and {@code forms/} against the project's
 * conventions (docs/model-checks.md) and lists every violation; an empty or missing folder has none.
 */
public final class ModelConventionsChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public ModelConventionsChecker(Path root) {
        this.root = root;
    }

    public List<ModelViolation> check() {
        List<ModelViolation> violations = new ArrayList<>();
        Map<ModelFile, BpmnModelInstance> processes = parse(
                ModelFile.list(root, "bpmn", ".bpmn"),
                file -> Bpmn.readModelFromFile(file.path().toFile()),
                violations);
        Map<ModelFile, DmnModelInstance> decisions = parse(
                ModelFile.list(root, "dmn", ".dmn"),
                file -> Dmn.readModelFromFile(file.path().toFile()),
                violations);
        Map<ModelFile, JsonNode> forms =
                parse(ModelFile.list(root, "forms", ".form"), ModelConventionsChecker::readJson, violations);

        ModelCatalog catalog = catalog(processes, decisions, forms, violations);
        processes.forEach((file, model) -> violations.addAll(BpmnConventions.check(file, model, catalog)));
        decisions.forEach((file, model) -> violations.addAll(DmnConventions.check(file, model)));
        forms.forEach((file, form) -> violations.addAll(FormConventions.check(file, form)));
        // one block per file, in the order each file's checks found them
        violations.sort(Comparator.comparing(ModelViolation::file));
        return violations;
    }

    private static <T> Map<ModelFile, T> parse(
            List<ModelFile> files, Function<ModelFile, T> reader, List<ModelViolation> violations) {
        Map<ModelFile, T> parsed = new LinkedHashMap<>();
        for (ModelFile file : files) {
            try {
                parsed.put(file, reader.apply(file));
            } catch (RuntimeException e) {
                violations.add(ModelViolation.ofFile(file, "cannot be read: " + describe(e)));
            }
        }
        return parsed;
    }

    private static JsonNode readJson(ModelFile file) {
        try {
            return JSON.readTree(file.path().toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            // the message says it all; Jackson's own adds a redacted source description
            throw new IllegalArgumentException(
                    e.getOriginalMessage().replaceFirst(" \\(start marker at .*", "") + where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model APIs wrap the parser's explanation (line, column, what is wrong) in a generic message. */
    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = Optional.ofNullable(cause.getMessage()).orElse(cause.toString());
        return message.lines().findFirst().orElse("").replaceFirst("^Fatal Error: URI=null Line=(\\d+): ", "line $1: ");
    }

    private static ModelCatalog catalog(
            Map<ModelFile, BpmnModelInstance> processes,
            Map<ModelFile, DmnModelInstance> decisions,
            Map<ModelFile, JsonNode> forms,
            List<ModelViolation> violations) {
        Map<String, String> processFiles = new LinkedHashMap<>();
        processes.forEach((file, model) -> {
            for (Process process : BpmnConventions.executableProcesses(model)) {
                register(processFiles, process.getId(), "process", file, violations);
            }
        });
        Map<String, String> decisionFiles = new LinkedHashMap<>();
        decisions.forEach((file, model) -> {
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                register(decisionFiles, decision.getId(), "decision", file, violations);
            }
        });
        Set<String> formIds = new HashSet<>();
        Set<String> formFileNames = new HashSet<>();
        forms.forEach((file, form) -> {
            formIds.add(FormConventions.id(form));
            formFileNames.add(file.path().getFileName().toString());
        });
        return new ModelCatalog(processFiles, decisionFiles, formIds, formFileNames);
    }

    /** The engine refuses a deployment holding two definitions with one key, and a call by key could reach either. */
    private static void register(
            Map<String, String> files, String id, String type, ModelFile file, List<ModelViolation> violations) {
        String previous = files.putIfAbsent(id, file.name());
        if (previous != null) {
            violations.add(ModelViolation.of(file, id, type, type + " id also used in " + previous));
        }
    }
}
