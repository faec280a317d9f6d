package fr.aptic.qualification.eligibility;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.DEPARTEMENT;
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
 * {@code ServiceTask_PrepareAssessment}: reads the stored application and sets what routing and the
 * reviewer's form read.
 */
@Component
class PrepareAssessmentDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    PrepareAssessmentDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationId = APPLICATION_ID.get(execution);
        AssessmentService.Prepared prepared = assessments.prepare(applicationId);
        ApplicationRequest request = prepared.request();
        DEPARTEMENT.set(execution, assessments.departementOf(request));
        NETWORK_ID.set(execution, prepared.networkId());
        ROUTING_DATE.set(execution, LocalDate.now(AssessmentService.PARIS).toString());
        ORGANISATION_NAME.set(execution, request.organisation().name());
        SIRET.set(execution, request.siret());
        PLACES_SUMMARY.set(execution, summary(request));
    }

    static final Map<String, String> KIND_LABELS = Map.of(
            "OWN_PLACE", "lieu propre",
            "PARTNER_PLACE", "lieu partenaire",
            "ITINERANT", "itinérant",
            "HOME", "à domicile");

    static String summary(ApplicationRequest request) {
        return request.places().stream()
                .map(place -> place.name() + " (" + place.postalCode() + " " + place.commune() + ", "
                        + KIND_LABELS.getOrDefault(place.kind(), place.kind()) + ", "
                        + (place.services() == null ? 0 : place.services().size()) + " service(s), "
                        + place.servicesPerYear() + " services/an)")
                .collect(Collectors.joining(" ; "));
    }
}
