package fr.aptic.qualification.eligibility;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.DEPARTEMENT;
import static fr.aptic.qualification.application.FreeQualificationProcess.ELIGIBLE;
import static fr.aptic.qualification.application.FreeQualificationProcess.REASONS_TEXT;
import static fr.aptic.qualification.application.FreeQualificationProcess.SCORE;
import static fr.aptic.qualification.eligibility.EligibilityAssessmentProcess.NETWORK_ID;
import static fr.aptic.qualification.eligibility.EligibilityAssessmentProcess.ORGANISATION_NAME;
import static fr.aptic.qualification.eligibility.EligibilityAssessmentProcess.PLACES_SUMMARY;
import static fr.aptic.qualification.eligibility.EligibilityAssessmentProcess.ROUTING_DATE;
import static fr.aptic.qualification.eligibility.EligibilityAssessmentProcess.SIRET;

import fr.aptic.qualification.application.ApplicationRequest;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code BusinessRuleTask_Eligibility}: reads the stored application once, sets what the next steps and the
 * reviewer's form read (département, network, routing date, organisation, SIRET, places), then evaluates
 * {@code eligibility} and {@code charter-compliance}. The decisions take lists (accepted commitments) that
 * process variables cannot hold without a serializer, so they are evaluated here on in-memory inputs; the
 * tables themselves stay in {@code dmn/}.
 */
@Component
class AssessEligibilityDelegate implements JavaDelegate {

    static final Map<String, String> KIND_LABELS = Map.of(
            "OWN_PLACE", "lieu propre",
            "PARTNER_PLACE", "lieu partenaire",
            "ITINERANT", "itinérant",
            "HOME", "à domicile");

    private final AssessmentService assessments;

    AssessEligibilityDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AssessmentService.Stored stored = assessments.stored(APPLICATION_ID.get(execution));
        ApplicationRequest request = stored.request();
        DEPARTEMENT.set(execution, assessments.departementOf(request));
        NETWORK_ID.set(execution, stored.networkId());
        ROUTING_DATE.set(execution, LocalDate.now(AssessmentService.PARIS).toString());
        ORGANISATION_NAME.set(execution, request.organisation().name());
        SIRET.set(execution, request.siret());
        PLACES_SUMMARY.set(execution, summary(request));

        AssessmentService.Assessment assessment = assessments.assess(request);
        ELIGIBLE.set(execution, assessment.eligible());
        SCORE.set(execution, assessment.score());
        REASONS_TEXT.set(execution, assessment.reasonsText());
    }

    static String summary(ApplicationRequest request) {
        return request.places().stream()
                .map(place -> place.name() + " (" + place.postalCode() + " " + place.commune() + ", "
                        + KIND_LABELS.getOrDefault(place.kind(), place.kind()) + ", "
                        + (place.services() == null ? 0 : place.services().size()) + " service(s), "
                        + place.servicesPerYear() + " services/an)")
                .collect(Collectors.joining(" ; "));
    }
}
