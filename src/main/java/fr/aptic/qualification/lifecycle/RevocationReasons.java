package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.engine.SystemAuthority;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The reasons a qualification may be revoked for, and their words for the producer: the decision table
 * {@code revocation-reason} holds both (one rule per code: the code as input, the words as output), so process
 * owners add or reword a reason without Java. Read from the latest deployed version of the table, without
 * evaluating it (a read leaves no decision history).
 */
@Component
class RevocationReasons {

    static final String DECISION = "revocation-reason";

    private final RepositoryService repository;
    private final SystemAuthority authority;
    // the reasons of each deployed version of the table, by decision definition id
    private final Map<String, Map<String, String>> byVersion = new ConcurrentHashMap<>();

    RevocationReasons(RepositoryService repository, SystemAuthority authority) {
        this.repository = repository;
        this.authority = authority;
    }

    /** The words of a reason code, or empty when the table does not know it. */
    Optional<String> words(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(reasons().get(code.strip()));
    }

    /** The codes the table lists, for the message that refuses another one. */
    List<String> codes() {
        return List.copyOf(reasons().keySet());
    }

    private Map<String, String> reasons() {
        DecisionDefinition latest = authority.callAnywhere(() -> repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION)
                .latestVersion()
                .singleResult());
        return byVersion.computeIfAbsent(latest.getId(), this::read);
    }

    private Map<String, String> read(String decisionDefinitionId) {
        Map<String, String> reasons = new LinkedHashMap<>();
        authority.runAnywhere(() -> {
            for (Rule rule :
                    repository.getDmnModelInstance(decisionDefinitionId).getModelElementsByType(Rule.class)) {
                String code = unquoted(rule.getInputEntries().iterator().next().getTextContent());
                String words =
                        unquoted(rule.getOutputEntries().iterator().next().getTextContent());
                if (!code.isEmpty() && !"-".equals(code)) {
                    reasons.put(code, words);
                }
            }
        });
        return java.util.Collections.unmodifiableMap(reasons);
    }

    private static String unquoted(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
