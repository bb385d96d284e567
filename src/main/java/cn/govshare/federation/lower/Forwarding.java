package cn.govshare.federation.lower;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One application to the upper platform (gs_upper_application): the outbox row of a forwarding with its
 * idempotency key, and what the upper platform reported about it since.
 *
 * @param requestedFields the item names asked for, sorted and comma-joined; empty = every item
 * @param upperDeadlines  the upper platform's deadlines as it reported them last (JSON list of UpperDeadline)
 */
record Forwarding(Long id, String idempotencyKey, String resourceCode, String upperCode, String purpose,
    String requestedFields, ForwardingState state, Instant gatherUntil, int attempts, Instant nextAttemptAt,
    String leaseOwner, Instant leaseUntil, String lastError, Long upperId, String upperReference, String upperStatus,
    Instant upperChangedAt, String upperDeadlines, Boolean approved, String answerReason, String answerScope,
    LocalDate answerValidUntil, Instant decidedAt, Instant answeredAt, Instant deliveredAt, Instant createdAt) {
}
