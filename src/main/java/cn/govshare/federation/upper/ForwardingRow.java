package cn.govshare.federation.upper;

import java.time.Instant;

/**
 * One forwarding as gs_federation_application keeps it; {@code changedAt} is computed when read (the last step
 * of its share request, else the time it was received).
 */
record ForwardingRow(Long id, String platformCode, String idempotencyKey, String bodyDigest, Long shareRequestId,
    String lowerReference, boolean bulk, Instant receivedAt, Instant changedAt) {
}
