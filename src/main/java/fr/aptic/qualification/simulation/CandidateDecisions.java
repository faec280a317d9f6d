package fr.aptic.qualification.simulation;

import fr.aptic.qualification.decisions.FastFeel;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The decisions a simulation evaluates, parsed by a DMN engine of its own: a candidate file a process owner
 * uploads (checked up front, so a typo answers 400 naming the rule rather than failing on every application)
 * or a version deployed in the engine.
 *
 * <p>A standalone DMN engine, not the process engine's: the process engine's records a history entry for
 * every evaluation, and a simulation must change nothing.
 */
@Component
class CandidateDecisions {

    private final RepositoryService repository;
    private final DmnEngine engine;
    private final FeelEngineApi feel = FeelEngineBuilder.create().build();
    // Deployed versions never change: parse each once.
    private final Map<String, DmnDecision> deployedById = new ConcurrentHashMap<>();

    CandidateDecisions(RepositoryService repository) {
        this.repository = repository;
        this.engine = createEngine();
    }

    /**
     * The DMN engine simulations evaluate with: the process engine's configuration (full FEEL with parsed
     * expressions cached, the leaner evaluation of {@code decisions/}), without its history listeners.
     */
    static DmnEngine createEngine() {
        return FastFeel.dmnEngine();
    }

    DmnEngine engine() {
        return engine;
    }

    /** A decision deployed in the engine, with the version it came from. */
    record Deployed(String definitionId, int version, DmnDecision decision) {}

    /** The candidate decision {@code key} of an uploaded file; 400 naming the problem when it is unusable. */
    DmnDecision parseFile(String key, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("file", "fichier DMN vide");
        }
        DmnDecision decision;
        try {
            decision = engine.parseDecision(key, new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            throw ProblemException.invalid(
                    "file", "le fichier " + name(fileName) + " n'est pas un modèle DMN utilisable : " + messages(e));
        }
        List<String> problems = check(decision);
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Le fichier " + name(fileName) + " contient des erreurs",
                    problems.stream()
                            .map(problem -> FieldError.of("file", problem))
                            .toList());
        }
        return decision;
    }

    /** Version {@code version} of the deployed decision {@code key}, the latest when null; 404 when unknown. */
    Deployed deployed(String key, Integer version) {
        return find(key, version)
                .orElseThrow(() -> ProblemException.notFound(
                        version == null
                                ? "Aucune décision déployée sous la clé " + key
                                : "Aucune version " + version + " de la décision " + key));
    }

    Optional<Deployed> find(String key, Integer version) {
        DecisionDefinitionQuery query =
                repository.createDecisionDefinitionQuery().decisionDefinitionKey(key);
        query = version == null ? query.latestVersion() : query.decisionDefinitionVersion(version);
        List<DecisionDefinition> found = query.list();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DecisionDefinition definition = found.get(0);
        DmnDecision decision = deployedById.computeIfAbsent(definition.getId(), id -> {
            try (InputStream model = repository.getDecisionModel(id)) {
                return engine.parseDecision(key, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Optional.of(new Deployed(definition.getId(), definition.getVersion(), decision));
    }

    /** Every deployed version of the decision {@code key}, latest first. */
    List<SimulationService.DeployedVersion> versions(String key) {
        return repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .orderByDecisionDefinitionVersion()
                .desc()
                .list()
                .stream()
                .map(d -> new SimulationService.DeployedVersion(key, d.getVersion(), d.getVersionTag()))
                .toList();
    }

    /** Fails with 400 unless the decision gives every output the simulation compares. */
    static void requireOutputs(DmnDecision decision, String field, List<String> outputs) {
        Set<String> given = new LinkedHashSet<>();
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            table.getOutputs().forEach(output -> given.add(output.getOutputName()));
        } else if (decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
            given.add(literal.getVariable().getName());
        }
        List<String> missing =
                outputs.stream().filter(output -> !given.contains(output)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(
                    field,
                    "la décision " + decision.getKey() + " doit donner les sorties " + outputs + " ; il manque "
                            + missing + " (sorties : " + given + ")");
        }
    }

    /**
     * Every FEEL expression of the decision and the decisions it requires, parsed now; and no other
     * expression language, since JUEL and scripts could run arbitrary code on the server.
     */
    List<String> check(DmnDecision decision) {
        List<String> problems = new ArrayList<>();
        check(decision, problems, new LinkedHashSet<>());
        return problems;
    }

    private void check(DmnDecision decision, List<String> problems, Set<String> seen) {
        if (!seen.add(decision.getKey())) {
            return;
        }
        String where = "décision " + decision.getKey();
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            for (DmnDecisionTableInputImpl input : table.getInputs()) {
                expression(
                        input.getExpression(),
                        false,
                        where + ", entrée " + label(input.getName(), input.getId()),
                        problems);
            }
            for (DmnDecisionTableRuleImpl rule : table.getRules()) {
                for (int i = 0; i < rule.getConditions().size(); i++) {
                    DmnDecisionTableInputImpl input = table.getInputs().get(i);
                    expression(
                            rule.getConditions().get(i),
                            true,
                            where + ", règle " + rule.getId() + ", entrée " + label(input.getName(), input.getId()),
                            problems);
                }
                for (int i = 0; i < rule.getConclusions().size(); i++) {
                    DmnDecisionTableOutputImpl output = table.getOutputs().get(i);
                    expression(
                            rule.getConclusions().get(i),
                            false,
                            where + ", règle " + rule.getId() + ", sortie " + output.getOutputName(),
                            problems);
                }
            }
        } else if (decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
            expression(literal.getExpression(), false, where, problems);
        }
        for (DmnDecision required : decision.getRequiredDecisions()) {
            check(required, problems, seen);
        }
    }

    private void expression(DmnExpressionImpl expression, boolean unaryTests, String where, List<String> problems) {
        if (expression == null
                || expression.getExpression() == null
                || expression.getExpression().isBlank()) {
            return;
        }
        String language = expression.getExpressionLanguage();
        if (language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
            problems.add(where + " : langage d'expression " + language + " refusé (FEEL uniquement)");
            return;
        }
        String text = expression.getExpression();
        ParseResult parsed = unaryTests ? feel.parseUnaryTests(text) : feel.parseExpression(text);
        if (parsed.isFailure()) {
            problems.add(where + " : expression FEEL invalide « " + text + " » ("
                    + parsed.failure().message() + ")");
        }
    }

    private static String label(String name, String id) {
        return name == null || name.isBlank() ? id : "« " + name + " » (" + id + ")";
    }

    private static String name(String fileName) {
        return fileName == null || fileName.isBlank() ? "envoyé" : fileName;
    }

    /** The exception's own message and its causes', without repeats: the DMN engine nests the useful part. */
    static String messages(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && messages.stream().noneMatch(m -> m.contains(message.strip()))) {
                messages.add(message.strip());
            }
        }
        String text = String.join(" ; ", messages);
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
