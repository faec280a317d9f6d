package fr.aptic.qualification.site;

import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.reference.CharterCommitments;
import fr.aptic.qualification.reference.NationalServices;
import java.util.List;
import java.util.Map;

/** {@link Wording} and the reference lists, for the templates. */
public final class PageWording {

    public Wording.Status status(ApplicationStatus status) {
        return Wording.status(status);
    }

    public String event(String code) {
        return Wording.event(code);
    }

    public String kind(String code) {
        return Wording.kind(code);
    }

    public Map<String, String> kinds() {
        return Wording.kinds();
    }

    public String commitment(String code) {
        return Wording.commitment(code);
    }

    public List<String> commitments() {
        return CharterCommitments.V2;
    }

    public String reason(String code) {
        return Wording.reason(code);
    }

    public List<String> services() {
        return NationalServices.SERVICES;
    }

    public List<String> programmes() {
        return NationalServices.PROGRAMMES;
    }

    public String label(String field) {
        return FieldLabels.of(field);
    }
}
