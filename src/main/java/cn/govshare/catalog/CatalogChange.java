package cn.govshare.catalog;

import java.time.Instant;

/**
 * One submission of an entry to the platform (R7): publish, change or retire; who asked, when it takes
 * effect, which grant holders were told, and the platform's review.
 */
public record CatalogChange(
    Long id,
    String resourceCode,
    ChangeKind kind,
    ChangeState state,
    String requestedBy,
    Instant requestedAt,
    Instant effectiveAt,
    String notifiedHolders,
    Long obligationId,
    String processInstanceId,
    String reviewedBy,
    Instant reviewedAt,
    String reviewComment,
    Instant appliedAt) {

  boolean isOpen() {
    return state == ChangeState.IN_REVIEW || state == ChangeState.SCHEDULED;
  }
}
