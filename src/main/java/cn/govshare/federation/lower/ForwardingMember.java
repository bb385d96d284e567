package cn.govshare.federation.lower;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A city request carried by an application to the upper platform, and the upper grant made for its department
 * (scope, validity, status as the upper platform reported them; {@code grantId} the mirror here).
 */
record ForwardingMember(long requestId, long applicationId, String department, Instant joinedAt, String joinedBy,
    Long upperGrantId, String grantScope, LocalDate grantUntil, String grantStatus, Long grantId) {
}
