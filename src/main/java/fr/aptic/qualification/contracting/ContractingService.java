package fr.aptic.qualification.contracting;

import fr.aptic.qualification.application.ApplicationLifecycle;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.eligibility.AssessmentService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The contract step: terms accepted, bank details to validate, and the subscription (paid by the producer,
 * or by its network when the agreement says so).
 */
@Service
public class ContractingService {

    private final ApplicationRepository applications;
    private final ApplicationLifecycle lifecycle;
    private final AssessmentService assessments;
    private final SubscriptionPayers payers;

    ContractingService(
            ApplicationRepository applications,
            ApplicationLifecycle lifecycle,
            AssessmentService assessments,
            SubscriptionPayers payers) {
        this.applications = applications;
        this.lifecycle = lifecycle;
        this.assessments = assessments;
        this.payers = payers;
    }

    /** Starts contracting; answers whether bank details are there to validate. */
    public boolean start(String applicationId) {
        lifecycle.contracting(applicationId, ContractingProcess.TERMS_VERSION);
        return bank(applicationId).isPresent();
    }

    public Optional<ApplicationRequest.Bank> bank(String applicationId) {
        return Optional.ofNullable(assessments.request(applicationId).bank());
    }

    public void bankDetailsRequested(String applicationId) {
        lifecycle.bankDetailsRequested(applicationId);
    }

    public void bankDecision(String applicationId, boolean valid, String comment) {
        lifecycle.event(applicationId, valid ? "BANK_DETAILS_VALIDATED" : "BANK_DETAILS_REFUSED", comment);
    }

    /** Records the subscription for one year from today. */
    public void subscribe(String applicationId) {
        var application = applications.findById(applicationId).orElseThrow();
        String payer = payers.payerOf(application);
        LocalDate until = LocalDate.now(ZoneId.of("Europe/Paris")).plusYears(1);
        applications.recordContract(applicationId, ContractingProcess.TERMS_VERSION, payer, until);
        lifecycle.event(
                applicationId,
                "SUBSCRIPTION_RECORDED",
                "Abonnement au kit #APTIC (77 € HT/an) jusqu'au " + until
                        + ("NETWORK".equals(payer) ? ", payé par le réseau" : ""));
    }
}
