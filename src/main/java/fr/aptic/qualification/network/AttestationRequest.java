package fr.aptic.qualification.network;

import java.util.List;

/** The body of {@code POST /api/networks/{networkId}/attestations}: one decision for many members. */
record AttestationRequest(List<String> applicationIds, String decision, String reason, String comment) {}
