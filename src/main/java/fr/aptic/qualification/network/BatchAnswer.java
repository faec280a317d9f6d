package fr.aptic.qualification.network;

import fr.aptic.qualification.web.FieldError;
import java.util.List;

/**
 * The answer to a batch submission (202), stored to replay it for the same Idempotency-Key. {@code errors}
 * holds the first {@link BatchService#ANSWER_ERRORS} row errors in row order; {@code errorsTruncated} says
 * when there were more ({@code GET .../batches/{batchId}/errors} lists them all).
 */
record BatchAnswer(
        String batchId,
        String networkId,
        int received,
        int accepted,
        int rejected,
        List<FieldError> errors,
        boolean errorsTruncated) {}
