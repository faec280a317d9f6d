package fr.aptic.qualification.network;

import fr.aptic.qualification.application.ApplicationLifecycle;
import fr.aptic.qualification.engine.SystemDecisions;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Service;

/**
 * Decides whether the national team audits an attested member ({@code dmn/network-audit.dmn}: the network's
 * first members, scores near the threshold, a sample by SIRET) and records the outcome in the timeline.
 */
@Service
class NetworkAudits {

    private final NetworkRepository networks;
    private final SystemDecisions decisions;
    private final ApplicationLifecycle lifecycle;

    NetworkAudits(NetworkRepository networks, SystemDecisions decisions, ApplicationLifecycle lifecycle) {
        this.networks = networks;
        this.decisions = decisions;
        this.lifecycle = lifecycle;
    }

    /** The audit decision: whether to audit, and the reason code when so. */
    record Outcome(boolean audit, String reason) {}

    Outcome decide(String applicationId, int score, String siret) {
        int rank = networks.memberRank(applicationId)
                .orElseThrow(() -> new IllegalStateException("Application " + applicationId + " is no network member"));
        Map<String, Object> inputs = new HashMap<>();
        NetworkMemberProcess.MEMBER_RANK.putInto(inputs, rank);
        inputs.put("score", score);
        inputs.put("siret", siret);
        DmnDecisionResultEntries result = evaluate(inputs);
        boolean audit = Boolean.TRUE.equals(result.getEntry(NetworkMemberProcess.AUDIT_REQUIRED.name()));
        String reason = result.getEntry(NetworkMemberProcess.AUDIT_REASON.name());
        lifecycle.event(
                applicationId,
                audit ? "AUDIT_REQUIRED" : "AUDIT_NOT_REQUIRED",
                "Rang " + rank + " dans le réseau" + (audit ? ", motif " + reason : ""));
        return new Outcome(audit, reason);
    }

    private DmnDecisionResultEntries evaluate(Map<String, Object> inputs) {
        // Evaluated for the system, whoever completed the attestation: partners have no decision permissions.
        return decisions
                .evaluate(NetworkMemberProcess.AUDIT_DECISION_KEY, inputs)
                .getSingleResult();
    }
}
