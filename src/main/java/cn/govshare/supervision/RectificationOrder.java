package cn.govshare.supervision;

import java.time.Instant;

/**
 * A rectification order (责令改正, R29): the violation it orders fixed, the department, what it requires, who issued
 * it (user and role group: the group that reviews the answer) under which body and article, and what became of it.
 * Who acts and from when the limit runs come from this row, never from a process variable.
 */
public record RectificationOrder(Long id, long violationId, String department, String requirement, String issuerUser,
    String issuerGroup, String issuingBody, String citation, RectificationState state, Instant issuedAt, String answer,
    Instant answeredAt, String answeredBy, String reviewComment, Instant lapsedAt, String escalatedTo,
    Instant closedAt, String processInstanceId) {

  static final String KEY_PREFIX = "RO-";

  public String businessKey() {
    return KEY_PREFIX + id;
  }

  RectificationOrder withState(RectificationState next) {
    return new RectificationOrder(id, violationId, department, requirement, issuerUser, issuerGroup, issuingBody,
        citation, next, issuedAt, answer, answeredAt, answeredBy, reviewComment, lapsedAt, escalatedTo, closedAt,
        processInstanceId);
  }

  RectificationOrder withAnswer(String text, Instant at, String by) {
    return new RectificationOrder(id, violationId, department, requirement, issuerUser, issuerGroup, issuingBody,
        citation, state, issuedAt, text, at, by, reviewComment, lapsedAt, escalatedTo, closedAt, processInstanceId);
  }

  RectificationOrder withReview(String comment, Instant closed) {
    return new RectificationOrder(id, violationId, department, requirement, issuerUser, issuerGroup, issuingBody,
        citation, state, issuedAt, answer, answeredAt, answeredBy, comment, lapsedAt, escalatedTo, closed,
        processInstanceId);
  }

  RectificationOrder withLapse(Instant at, String escalated) {
    return new RectificationOrder(id, violationId, department, requirement, issuerUser, issuerGroup, issuingBody,
        citation, state, issuedAt, answer, answeredAt, answeredBy, reviewComment, lapsedAt == null ? at : lapsedAt,
        escalatedTo == null ? escalated : escalatedTo, closedAt, processInstanceId);
  }
}
