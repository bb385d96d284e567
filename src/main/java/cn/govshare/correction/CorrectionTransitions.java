package cn.govshare.correction;

import static cn.govshare.correction.CorrectionEvent.APPROVE_EXTENSION;
import static cn.govshare.correction.CorrectionEvent.CANCEL;
import static cn.govshare.correction.CorrectionEvent.CONFIRM_NO_ERROR;
import static cn.govshare.correction.CorrectionEvent.CORRECT;
import static cn.govshare.correction.CorrectionEvent.EXTEND;
import static cn.govshare.correction.CorrectionEvent.REFUSE_EXTENSION;
import static cn.govshare.correction.CorrectionEvent.REPORT;
import static cn.govshare.correction.CorrectionEvent.REQUEST_EXTENSION;
import static cn.govshare.correction.CorrectionEvent.RESUME;
import static cn.govshare.correction.CorrectionStatus.AWAITING_HEAD;
import static cn.govshare.correction.CorrectionStatus.CANCELLED;
import static cn.govshare.correction.CorrectionStatus.CORRECTED;
import static cn.govshare.correction.CorrectionStatus.HEAD_APPROVED;
import static cn.govshare.correction.CorrectionStatus.HEAD_REFUSED;
import static cn.govshare.correction.CorrectionStatus.NO_ERROR;
import static cn.govshare.correction.CorrectionStatus.OPEN;

import cn.govshare.FormRejection;
import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place a correction's status changes (issue 19, STYLE "cases"): a transition is allowed only if it is
 * in {@link #TABLE}; the row is updated only if it is still in the {@code from} status; every transition is one
 * step in the case's history and one audit record, pushed to both departments (R26).
 */
@Component
class CorrectionTransitions {

  /** {@code from} null: the case is created. */
  record Transition(CorrectionStatus from, CorrectionEvent event, CorrectionStatus to, String rule) {
  }

  static final List<Transition> TABLE = List.of(
      new Transition(null, REPORT, OPEN, "R22"),
      new Transition(OPEN, CORRECT, CORRECTED, "R22"),
      new Transition(OPEN, CONFIRM_NO_ERROR, NO_ERROR, "R22"),
      new Transition(OPEN, REQUEST_EXTENSION, AWAITING_HEAD, "R22-EXT"),
      new Transition(AWAITING_HEAD, APPROVE_EXTENSION, HEAD_APPROVED, "R22-EXT"),
      new Transition(AWAITING_HEAD, REFUSE_EXTENSION, HEAD_REFUSED, "R22-EXT"),
      new Transition(HEAD_APPROVED, EXTEND, OPEN, "R22-EXT"),
      new Transition(HEAD_REFUSED, RESUME, OPEN, "R22"),
      new Transition(OPEN, CANCEL, CANCELLED, "R22"),
      new Transition(AWAITING_HEAD, CANCEL, CANCELLED, "R22"),
      new Transition(HEAD_APPROVED, CANCEL, CANCELLED, "R22"),
      new Transition(HEAD_REFUSED, CANCEL, CANCELLED, "R22"));

  static final Caller SYSTEM = new Caller("system", "系统", null, Set.of());
  static final String AUDIT_TYPE = "CORRECTION";

  private final CorrectionMapper mapper;
  private final AuditTrail audit;
  private final CallerResolver callers;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  CorrectionTransitions(CorrectionMapper mapper, AuditTrail audit, CallerResolver callers, Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.mapper = mapper;
    this.audit = audit;
    this.callers = callers;
    this.clock = clock;
  }

  static Optional<Transition> find(CorrectionStatus from, CorrectionEvent event) {
    return TABLE.stream().filter(t -> Objects.equals(t.from(), from) && t.event() == event).findFirst();
  }

  /** REPORT: writes the new case, OPEN. */
  Correction report(Correction draft, Caller actor) {
    Transition transition = find(null, REPORT).orElseThrow();
    GeneratedKey key = new GeneratedKey();
    mapper.insert(draft.withStatus(transition.to()), key);
    Correction created = mapper.find(key.getId());
    record(created, transition, actor, transition.to().name(), created.description());
    return created;
  }

  /**
   * Fires {@code event} on the case as the engine's current user (the system when none): {@code change}
   * sets the columns the event carries, the status comes from the table. Refused when the table has no such
   * transition from the case's status or the case moved meanwhile.
   */
  Correction fire(Correction current, CorrectionEvent event, String outcome, String comment,
      UnaryOperator<Correction> change) {
    Transition transition = find(current.status(), event).orElseThrow(() -> new FormRejection(null,
        "疑义校核 " + current.businessKey() + " 当前状态为 " + current.status() + "，不能「" + event.chinese() + "」"));
    Correction next = change.apply(current).withStatus(transition.to());
    if (mapper.update(next, current.status()) != 1) {
      throw new FormRejection(null, "疑义校核 " + current.businessKey() + " 已被他人办理，请刷新后重试");
    }
    Caller actor = callers.engineActor();
    record(next, transition, actor == null ? SYSTEM : actor, outcome, comment);
    if (transition.to() == CORRECTED) {
      // R29: the data the provider shared did not match; the violation register listens
      events.publishEvent(new DataErrorCorrected(next.id(), next.businessKey(), next.providerDept(),
          next.resourceCode(), comment));
    }
    return next;
  }

  private void record(Correction correction, Transition transition, Caller actor, String outcome, String comment) {
    mapper.insertStep(new CorrectionStep(null, correction.id(), transition.event().name(),
        transition.event().chinese(), actor.userId(), actor.department(), clock.instant(), outcome, comment));
    audit.record(actor, AUDIT_TYPE + "_" + transition.event().name(), AUDIT_TYPE, String.valueOf(correction.id()),
        AuditTrail.OK, correction.businessKey() + " " + (transition.from() == null ? "-" : transition.from()) + " → "
            + transition.to() + "（" + transition.rule() + "）" + (outcome == null ? "" : " " + outcome),
        correction.departments());
  }
}
