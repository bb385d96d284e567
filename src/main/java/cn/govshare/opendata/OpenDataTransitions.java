package cn.govshare.opendata;

import static cn.govshare.opendata.OpenDataEvent.APPROVE;
import static cn.govshare.opendata.OpenDataEvent.CANCEL;
import static cn.govshare.opendata.OpenDataEvent.REFUSE;
import static cn.govshare.opendata.OpenDataEvent.SUBMIT;
import static cn.govshare.opendata.OpenDataState.APPROVED;
import static cn.govshare.opendata.OpenDataState.CANCELLED;
import static cn.govshare.opendata.OpenDataState.REFUSED;
import static cn.govshare.opendata.OpenDataState.SUBMITTED;

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
 * The one place an open-data request's state changes (STYLE "cases"): a transition is allowed only if it is in
 * {@link #TABLE}; the row is updated only if it is still in the {@code from} state; every transition is one audit
 * record, pushed to the provider (R25, R26).
 */
@Component
class OpenDataTransitions {

  /** {@code from} null: the request is filed. */
  record Transition(OpenDataState from, OpenDataEvent event, OpenDataState to) {
  }

  static final List<Transition> TABLE = List.of(
      new Transition(null, SUBMIT, SUBMITTED),
      new Transition(SUBMITTED, APPROVE, APPROVED),
      new Transition(SUBMITTED, REFUSE, REFUSED),
      new Transition(SUBMITTED, CANCEL, CANCELLED));

  static final String AUDIT_TYPE = "OPEN_DATA_REQUEST";
  static final Caller SYSTEM = new Caller("system", "系统", null, Set.of());

  private final OpenDataMapper mapper;
  private final AuditTrail audit;
  private final CallerResolver callers;

  OpenDataTransitions(OpenDataMapper mapper, AuditTrail audit, CallerResolver callers) {
    this.mapper = mapper;
    this.audit = audit;
    this.callers = callers;
  }

  static Optional<Transition> find(OpenDataState from, OpenDataEvent event) {
    return TABLE.stream().filter(t -> Objects.equals(t.from(), from) && t.event() == event).findFirst();
  }

  /** SUBMIT: writes the new request, SUBMITTED. */
  OpenDataRequest submit(OpenDataRequest draft, Caller applicant) {
    Transition transition = find(null, SUBMIT).orElseThrow();
    GeneratedKey key = new GeneratedKey();
    mapper.insert(draft.withState(transition.to()), key);
    OpenDataRequest created = mapper.find(key.getId());
    record(created, transition, applicant, created.resourceCode() + " " + created.resourceName());
    return created;
  }

  /** Fires {@code event} as the engine's current user; refused when the table has no such move or the row moved. */
  OpenDataRequest fire(OpenDataRequest current, OpenDataEvent event, String detail,
      UnaryOperator<OpenDataRequest> change) {
    Transition transition = find(current.state(), event).orElseThrow(() -> new FormRejection(null,
        "开放数据申请 " + current.businessKey() + " 当前状态为 " + current.state().chinese() + "，不能「" + event.chinese()
            + "」"));
    OpenDataRequest next = change.apply(current).withState(transition.to());
    if (mapper.update(next, current.state()) != 1) {
      throw new FormRejection(null, "开放数据申请 " + current.businessKey() + " 已被他人办理，请刷新后重试");
    }
    Caller actor = callers.engineActor();
    record(next, transition, actor == null ? SYSTEM : actor, detail);
    return next;
  }

  private void record(OpenDataRequest request, Transition transition, Caller actor, String detail) {
    audit.record(actor, AUDIT_TYPE + "_" + transition.event().name(), AUDIT_TYPE, String.valueOf(request.id()),
        AuditTrail.OK, request.businessKey() + " " + (transition.from() == null ? "-" : transition.from()) + " → "
            + transition.to() + "（R25，" + request.citation() + "）" + (detail == null ? "" : " " + detail),
        Set.of(request.provider()));
  }
}
