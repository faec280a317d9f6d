package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.site.TrackingQualification;
import fr.aptic.qualification.web.ProblemException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells the tracking page what became of a granted qualification, with the token check of the renewal. */
@Component
class QualificationOnTrackingPage implements TrackingQualification {

    private final QualificationService qualifications;

    QualificationOnTrackingPage(QualificationService qualifications) {
        this.qualifications = qualifications;
    }

    @Override
    public Optional<Summary> of(String applicationId, String token) {
        try {
            QualificationView view = qualifications.viewOfApplication(applicationId, token);
            if (view.validUntil() == null && view.revocation() == null) {
                return Optional.empty();
            }
            QualificationView.Revocation revocation = view.revocation();
            return Optional.of(new Summary(
                    view.validUntil(),
                    view.renewalOpen(),
                    view.canBeTakenUpUntil(),
                    revocation == null ? null : revocation.reasonInWords(),
                    revocation == null ? null : revocation.comment()));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }
}
