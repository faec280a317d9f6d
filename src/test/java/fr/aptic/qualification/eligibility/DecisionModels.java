package fr.aptic.qualification.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;

/**
 * The decision models of {@code dmn/}, read from the very files process owners edit (not from a build copy), so a
 * test run always checks the tables as they are now.
 */
public final class DecisionModels {

    /** Where the models live, relative to the project root (the working directory of Maven and IDE test runs). */
    public static final Path DIRECTORY = Path.of("dmn");

    private final DmnEngine engine;
    private final Map<String, Decision> decisionsByKey = new LinkedHashMap<>();
    private final Map<String, DmnModelInstance> modelsByKey = new HashMap<>();
    private final Map<String, String> filesByKey = new HashMap<>();
    private final Map<String, DmnDecision> parsedByKey = new HashMap<>();

    private DecisionModels(DmnEngine engine) {
        this.engine = engine;
    }

    /** Reads every {@code dmn/*.dmn} file; the engine is the one later evaluations will use. */
    public static DecisionModels load(DmnEngine engine) {
        DecisionModels models = new DecisionModels(engine);
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            files.filter(file -> file.getFileName().toString().endsWith(".dmn"))
                    .sorted()
                    .forEach(models::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return models;
    }

    private void add(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            decisionsByKey.put(decision.getId(), decision);
            modelsByKey.put(decision.getId(), model);
            filesByKey.put(decision.getId(), file.getFileName().toString());
        }
    }

    /** The decision with that key, parsed once by the engine. */
    public DmnDecision decision(String key) {
        return parsedByKey.computeIfAbsent(key, k -> engine.parseDecision(k, modelsByKey.get(require(k))));
    }

    /** The decision's model element, for what the engine does not expose: rules, input types, requirements. */
    public Decision model(String key) {
        return decisionsByKey.get(require(key));
    }

    /** Every decision of every file, in file order. */
    public Collection<Decision> all() {
        return decisionsByKey.values();
    }

    public boolean contains(String key) {
        return decisionsByKey.containsKey(key);
    }

    /** The file name (without folder) that holds the decision. */
    public String fileOf(String key) {
        return filesByKey.get(require(key));
    }

    /** The decision and, depth first, every decision it requires: all the tables one evaluation runs. */
    public List<Decision> withRequired(String key) {
        List<Decision> decisions = new ArrayList<>();
        collect(model(key), decisions);
        return decisions;
    }

    private void collect(Decision decision, List<Decision> decisions) {
        if (decisions.contains(decision)) {
            return;
        }
        decisions.add(decision);
        for (InformationRequirement requirement : decision.getInformationRequirements()) {
            if (requirement.getRequiredDecision() != null) {
                collect(requirement.getRequiredDecision(), decisions);
            }
        }
    }

    private String require(String key) {
        if (!decisionsByKey.containsKey(key)) {
            throw new IllegalArgumentException(
                    "no decision '" + key + "' in " + DIRECTORY + "/ (decisions: " + decisionsByKey.keySet() + ")");
        }
        return key;
    }
}
