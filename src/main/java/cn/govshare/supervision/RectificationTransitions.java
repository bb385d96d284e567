package cn.govshare.supervision;

import static cn.govshare.supervision.RectificationEvent.ACCEPT;
import static cn.govshare.supervision.RectificationEvent.ANSWER;
import static cn.govshare.supervision.RectificationEvent.CANCEL;
import static cn.govshare.supervision.RectificationEvent.ISSUE;
import static cn.govshare.supervision.RectificationEvent.LAPSE;
import static cn.govshare.supervision.RectificationEvent.SEND_BACK;
import static cn.govshare.supervision.RectificationState.ACCEPTED;
import static cn.govshare.supervision.RectificationState.ANSWERED;
import static cn.govshare.supervision.RectificationState.CANCELLED;
import static cn.govshare.supervision.RectificationState.ISSUED;
import static cn.govshare.supervision.RectificationState.LAPSED;

import cn.govshare.FormRejection;
import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The one place a rectification order's state changes (STYLE "cases"): a transition is allowed only if it is in
 * {@link #TABLE}; the row is updated only if it is still in the {@code from} state; every transition is one audit
 * record, pushed to the department ordered (R26, R29).
 */
@Component
class RectificationTransitions {

  /** {@code from} null: the order is issued. */
  record Transition(RectificationState from, RectificationEvent event, RectificationState to) {
  }

  static final List<Transition> TABLE = List.of(
      new Transition(null, ISSUE, ISSUED),
      new Transition(ISSUED, ANSWER, ANSWERED),
      new Transition(LAPSED, ANSWER, ANSWERED),
      new Transition(ISSUED, LAPSE, LAPSED),
      new Transition(ANSWERED, ACCEPT, ACCEPTED),
      new Transition(ANSWERED, SEND_BACK, ISSUED),
      new Transition(ISSUED, CANCEL, CANCELLED),
      new Transition(LAPSED, CANCEL, CANCELLED),
      new Transition(ANSWERED, CANCEL, CANCELLED));

  static final String AUDIT_TYPE = "RECTIFICATION";

  private final RectificationMapper mapper;
  private final AuditTrail audit;
  private final CallerResolver callers;

  RectificationTransitions(RectificationMapper mapper, AuditTrail audit, CallerResolver callers) {
    this.mapper = mapper;
    this.audit = audit;
    this.callers = callers;
  }

  static Optional<Transition> find(RectificationState from, RectificationEvent event) {
    return TABLE.stream().filter(t -> Objects.equals(t.from(), from) && t.event() == event).findFirst();
  }

  /** ISSUE: writes the new order, ISSUED. */
  RectificationOrder issue(RectificationOrder draft, Caller actor) {
    Transition transition = find(null, ISSUE).orElseThrow();
    GeneratedKey key = new GeneratedKey();
    mapper.insert(draft.withState(transition.to()), key);
    RectificationOrder created = mapper.find(key.getId());
    record(created, transition, actor, created.requirement());
    return created;
  }

  /**
   * Fires {@code event} as the engine's current user (the system when none); {@code change} sets the columns the
   * event carries, the state comes from the table. Refused when the table has no such transition or the order moved.
   */
  RectificationOrder fire(RectificationOrder current, RectificationEvent event, String detail,
      UnaryOperator<RectificationOrder> change) {
    Transition transition = find(current.state(), event).orElseThrow(() -> new FormRejection(null,
        "整改 " + current.businessKey() + " 当前状态为 " + current.state() + "，不能「" + event.chinese() + "」"));
    RectificationOrder next = change.apply(current).withState(transition.to());
    if (mapper.update(next, current.state()) != 1) {
      throw new FormRejection(null, "整改 " + current.businessKey() + " 已被他人办理，请刷新后重试");
    }
    Caller actor = callers.engineActor();
    record(next, transition, actor == null ? Violations.SYSTEM : actor, detail);
    return next;
  }

  private void record(RectificationOrder order, Transition transition, Caller actor, String detail) {
    audit.record(actor, AUDIT_TYPE + "_" + transition.event().name(), AUDIT_TYPE, String.valueOf(order.id()),
        AuditTrail.OK, order.businessKey() + " " + (transition.from() == null ? "-" : transition.from()) + " → "
            + transition.to() + "（" + Violations.RULE + "，" + order.citation() + "）"
            + (detail == null ? "" : " " + detail), Set.of(order.department()));
  }
}
