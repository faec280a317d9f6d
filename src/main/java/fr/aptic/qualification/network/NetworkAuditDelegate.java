package fr.aptic.qualification.network;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.SCORE;
import static fr.aptic.qualification.eligibility.EligibilityAssessmentProcess.SIRET;
import static fr.aptic.qualification.network.NetworkMemberProcess.AUDIT_REASON;
import static fr.aptic.qualification.network.NetworkMemberProcess.AUDIT_REQUIRED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code BusinessRuleTask_NetworkAudit}: evaluates {@code network-audit} on the member's rank, score and SIRET.
 * The decision has two outputs, which a business rule task could only hand over as a map variable (and no
 * serializer for maps is configured), so it is evaluated here and its outputs set one by one.
 */
@Component
class NetworkAuditDelegate implements JavaDelegate {

    private final NetworkAudits audits;

    NetworkAuditDelegate(NetworkAudits audits) {
        this.audits = audits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NetworkAudits.Outcome outcome =
                audits.decide(APPLICATION_ID.get(execution), SCORE.get(execution), SIRET.get(execution));
        AUDIT_REQUIRED.set(execution, outcome.audit());
        AUDIT_REASON.set(execution, outcome.reason());
    }
}
