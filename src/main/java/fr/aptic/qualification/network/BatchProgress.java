package fr.aptic.qualification.network;

import java.time.Instant;
import java.util.Map;

/**
 * Where a batch's members stand: how many in each status, and {@code done} once every accepted member has
 * reached a final status (qualified, ineligible, rejected, withdrawn, expired).
 */
record BatchProgress(
        String batchId,
        String networkId,
        String format,
        int received,
        int accepted,
        int rejected,
        Map<String, Integer> byStatus,
        boolean done,
        Instant createdAt,
        String createdBy) {}
