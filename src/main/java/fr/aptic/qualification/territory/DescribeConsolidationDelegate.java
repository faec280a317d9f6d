package fr.aptic.qualification.territory;

import static fr.aptic.qualification.application.FreeQualificationProcess.DEPARTEMENT;
import static fr.aptic.qualification.eligibility.EligibilityAssessmentProcess.CONSOLIDATION_STATUS;

import fr.aptic.qualification.reference.Territories;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_DescribeConsolidation} (eligibility-assessment): puts the territory's consolidation status
 * into the reviewer's form, so that admitting a new entrant into an over-served territory is a visible choice.
 * Only a hub's review shows it: the model's {@code Gateway_HubReview} skips this task (and hub routing) for a network
 * member, whose network attests without it (the status reads the territory's counts and evaluates {@code territorial-need}).
 */
@Component
class DescribeConsolidationDelegate implements JavaDelegate {

    private final ConsolidationService consolidations;
    private final Territories territories = Territories.defaults();

    DescribeConsolidationDelegate(ConsolidationService consolidations) {
        this.consolidations = consolidations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String departement = DEPARTEMENT.find(execution).orElse(null);
        CONSOLIDATION_STATUS.set(
                execution,
                territories.isDepartement(departement)
                        ? ConsolidationService.describe(consolidations.of(departement))
                        : "Hors département : ratio consolidateur non calculé");
    }
}
