package fr.aptic.qualification.network;

import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.web.FieldError;
import java.util.List;

/**
 * One member of a batch as read: its row (CSV: the header is row 1; JSON: the position in the array from 1)
 * and either the application it asks for or why it is rejected.
 */
record MemberRow(int row, ApplicationRequest request, List<FieldError> errors) {

    static MemberRow valid(int row, ApplicationRequest request) {
        return new MemberRow(row, request, List.of());
    }

    static MemberRow rejected(int row, List<FieldError> errors) {
        return new MemberRow(row, null, List.copyOf(errors));
    }

    boolean isValid() {
        return errors.isEmpty();
    }
}
