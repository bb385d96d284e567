package cn.govshare.sharing;

import cn.govshare.audit.AuditTrail;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import java.time.Clock;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Service;

/**
 * The one place a share request's status changes: the event must be in {@link RequestEvent}'s table for
 * the request's current status, the update is guarded by that status (a concurrent change loses), and
 * every transition is one audit record naming the real actor (the completing user, or the platform).
 */
@Service
class RequestLifecycle {

  static final String PLATFORM = "system";

  private final SharingMapper mapper;
  private final AuditTrail audit;
  private final CallerResolver callers;
  private final Clock clock;

  RequestLifecycle(SharingMapper mapper, AuditTrail audit, CallerResolver callers, Clock clock) {
    this.mapper = mapper;
    this.audit = audit;
    this.callers = callers;
    this.clock = clock;
  }

  /** {@link #apply}, then the request as it now stands (for the callers that go on with it). */
  ShareRequest applyAndRead(long requestId, RequestEvent event, Long grantId, String reason) {
    apply(requestId, event, grantId, reason);
    return mapper.findRequest(requestId);
  }

  /** Applies {@code event}; refuses (IllegalStateException, rolled back with the command) a transition the table lacks. */
  void apply(long requestId, RequestEvent event, Long grantId, String reason) {
    ShareRequest request = mapper.findRequest(requestId);
    if (request == null) {
      throw new IllegalStateException("no share request " + requestId);
    }
    if (!event.allowedFrom(request.status())) {
      throw new IllegalStateException("共享申请 " + request.businessKey() + " 处于 " + request.status() + "，不能 "
          + event + " (" + event.rule() + ")");
    }
    // outcome_reason is VARCHAR(2000): callers pass form texts checked against it (ShareTaskChecks), never cut here
    String text = reason;
    if (mapper.transition(requestId, request.status(), event.to(), grantId, text,
        event.decides() ? clock.instant() : null) != 1) {
      throw new IllegalStateException("共享申请 " + request.businessKey() + " 的状态已被同时修改");
    }
    Caller actor = callers.engineActor();
    if (actor == null) {
      actor = callers.resolve(PLATFORM);
    }
    String detail = request.status() + " → " + event.to() + " (" + event.rule() + ")"
        + (text == null ? "" : "：" + StringUtils.abbreviate(text, 200));
    Set<String> concerns = Set.of(request.applicantDept(), request.providerDept());
    audit.record(actor, "SHARE_REQUEST_" + event, "SHARE_REQUEST", String.valueOf(requestId), AuditTrail.OK, detail,
        concerns);
  }
}
