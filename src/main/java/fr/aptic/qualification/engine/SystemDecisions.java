package fr.aptic.qualification.engine;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Evaluates a decision's latest version on the system's behalf, whoever is calling: an applicant, a partner or a
 * hub reviewer has no decision permissions, and a task they complete may still lead to a decision. Inside the
 * engine, the latest version of each decision is looked up once per transaction (a chunk of network members
 * evaluates the same decisions a hundred times).
 */
@Component
public class SystemDecisions {

    private final DecisionService decisions;
    private final SystemAuthority authority;
    private final TransactionScoped<Map<String, String>> latestIdsInThisTransaction =
            TransactionScoped.of(HashMap::new);

    public SystemDecisions(DecisionService decisions, SystemAuthority authority) {
        this.decisions = decisions;
        this.authority = authority;
    }

    /** The result of the latest version of the decision {@code key} on these inputs. */
    public DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return authority.call(
                    () -> decisions.evaluateDecisionByKey(key).variables(inputs).evaluate());
        }
        return context.runWithoutAuthorization(() -> decisions
                .evaluateDecisionById(latestDecisionId(context, key))
                .variables(inputs)
                .evaluate());
    }

    // the id of the latest version of a decision, as evaluateDecisionByKey would find it, once per transaction
    private String latestDecisionId(CommandContext context, String key) {
        Map<String, String> ids = latestIdsInThisTransaction.get();
        if (ids == null) {
            return latestDecisionId(context.getProcessEngineConfiguration(), key);
        }
        return ids.computeIfAbsent(key, k -> latestDecisionId(context.getProcessEngineConfiguration(), k));
    }

    private static String latestDecisionId(ProcessEngineConfigurationImpl configuration, String key) {
        return configuration
                .getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(key)
                .getId();
    }
}
