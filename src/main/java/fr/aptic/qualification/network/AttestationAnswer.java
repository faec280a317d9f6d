package fr.aptic.qualification.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What a bulk attestation did, member by member, in the order of the request. */
record AttestationAnswer(String decision, int completed, int failed, List<Result> results) {

    /** What happened to one member's attestation task. */
    enum Outcome {
        /** The task was completed with the decision; {@code status} is the application's status now. */
        COMPLETED,
        /** No application of this network has this id. */
        NOT_FOUND,
        /** The application waits for no attestation (not yet assessed, or already decided). */
        NOT_AWAITING_ATTESTATION,
        /** The engine refused the caller this task. */
        FORBIDDEN,
        /** The server-side validation refused the decision (see {@code message}). */
        INVALID,
        /** Someone else completed or changed the task meanwhile. */
        CONFLICT
    }

    /** One member's result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String applicationId, Outcome outcome, String status, String message) {}
}
