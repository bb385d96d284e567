package cn.govshare.federation.lower;

import cn.govshare.federation.api.UpperDeadline;
import cn.govshare.federation.api.UpperStatus;
import java.time.Instant;
import java.util.List;

/**
 * A request's progress at the upper platform as its applicant reads it (GET /api/share-requests/{id}, {@code upper}):
 * the forwarding here (待上级平台受理 until delivered, with the next attempt while the upper platform is unreachable)
 * and the upper platform's status and deadlines exactly as it reports them.
 */
record UpperProgressView(String forwarding, ForwardingState state, String stateLabel, boolean bulk,
    List<String> departments, Instant gatherUntil, int attempts, Instant nextAttemptAt, String lastError,
    Instant deliveredAt, String upperReference, UpperStatus upperStatus, String upperStatusLabel,
    List<UpperDeadline> upperDeadlines, Instant answeredAt, Long upperGrantId) {
}
