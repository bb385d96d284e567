package cn.govshare.sharing;

import static cn.govshare.sharing.RequestStatus.DISPUTE;
import static cn.govshare.sharing.RequestStatus.FORWARDING;
import static cn.govshare.sharing.RequestStatus.GRANTED;
import static cn.govshare.sharing.RequestStatus.INCOMPLETE;
import static cn.govshare.sharing.RequestStatus.IN_REVIEW;
import static cn.govshare.sharing.RequestStatus.REFUSED;
import static cn.govshare.sharing.RequestStatus.SUBMITTED;
import static cn.govshare.sharing.RequestStatus.UPPER_REVIEW;
import static cn.govshare.sharing.RequestStatus.WITHDRAWN;

import java.util.Set;

/**
 * The transition table of a share request (STYLE: cases and their status): from which statuses an event
 * may happen, the status it leads to, and the rule that allows it. {@link RequestLifecycle} refuses
 * anything not in this table; nothing else writes the status column.
 */
enum RequestEvent {

  /** R11, R12, R13: the request enters the platform's process. */
  REVIEW_STARTED(Set.of(SUBMITTED), IN_REVIEW, "R11"),
  /** R10: unconditional data is obtained directly where the profile has no review for it. */
  GRANTED_DIRECTLY(Set.of(SUBMITTED), GRANTED, "R10"),
  /** R18: a NOT_SHARED resource goes to negotiation at once. */
  NOT_SHARED_TO_DISPUTE(Set.of(SUBMITTED), DISPUTE, "R18"),
  /** National art. 20 (the applicant's head declines) or art. 21 (the applicant withdraws instead of supplementing). */
  WITHDRAWN_BY_APPLICANT(Set.of(IN_REVIEW, INCOMPLETE), WITHDRAWN, "N20-SIGNOFF"),
  /** National art. 21: 一次性告知, once. */
  MATERIALS_INCOMPLETE(Set.of(IN_REVIEW), INCOMPLETE, "N21-INCOMPLETE"),
  /** National art. 21: complete materials received, the answer period restarts once. */
  MATERIALS_SUPPLEMENTED(Set.of(INCOMPLETE), IN_REVIEW, "N21-INCOMPLETE"),
  /** R12: the normative check failed, with reasons. */
  CHECK_FAILED(Set.of(IN_REVIEW), REFUSED, "R12"),
  /** R13 / R15 / national 21: the provider (or the platform) agrees; a grant is issued (R17). */
  GRANTED_ON_REVIEW(Set.of(IN_REVIEW), GRANTED, "R13"),
  /** R13 / R15: refused, with reasons. */
  REFUSED_ON_REVIEW(Set.of(IN_REVIEW), REFUSED, "R13"),
  /** R18: the applicant contests the refusal within the window. */
  CONTESTED(Set.of(REFUSED), DISPUTE, "R18"),
  /** R13-CONTEST: the window lapsed or the applicant accepted; 申请部门未提出异议，视为接受. */
  REFUSAL_ACCEPTED(Set.of(REFUSED), REFUSED, "R13-CONTEST"),
  /** R18, R19: the dispute body decided SHARE. */
  DISPUTE_SHARED(Set.of(DISPUTE), GRANTED, "R18"),
  /** R18: the dispute body decided NOT_SHARE (or the departments agreed not to share). */
  DISPUTE_NOT_SHARED(Set.of(DISPUTE), REFUSED, "R18"),
  /** R24, nanchang 14: the check passed, the application is handed to the upper platform (outbox). */
  FORWARDED_TO_UPPER(Set.of(IN_REVIEW), FORWARDING, "R24"),
  /** R24: the upper platform acknowledged the application. */
  UPPER_ACCEPTED(Set.of(FORWARDING), UPPER_REVIEW, "R24"),
  /** R24, R13 at the upper platform: its provider agreed; the upper grant is mirrored here. */
  UPPER_GRANTED(Set.of(UPPER_REVIEW), GRANTED, "R24"),
  /** R24, R13 at the upper platform: refused (or withdrawn there), with the upper platform's reasons. */
  UPPER_REFUSED(Set.of(UPPER_REVIEW), REFUSED, "R24");

  private final Set<RequestStatus> from;
  private final RequestStatus to;
  private final String rule;

  RequestEvent(Set<RequestStatus> from, RequestStatus to, String rule) {
    this.from = from;
    this.to = to;
    this.rule = rule;
  }

  boolean allowedFrom(RequestStatus status) {
    return from.contains(status);
  }

  RequestStatus to() {
    return to;
  }

  String rule() {
    return rule;
  }

  /** A request in this status is finished: the decision time is recorded. */
  boolean decides() {
    return to == GRANTED || to == REFUSED || to == WITHDRAWN;
  }
}
