package cn.govshare.sharing;

import cn.govshare.ApiException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R24 (nanchang 14, 16; hubei 12, 18–20): what the lower platform's federation side does to a share request for an
 * upper platform's resource. Status changes go through {@link RequestLifecycle}; the answer and the grants come from
 * the upper platform's poll (federation.lower), never from a variable or a body a department can write.
 */
@Service
public class UpperRequests {

  /** The sub-process whose period runs from receipt until the upper platform has the application. */
  public static final String FORWARD_SCOPE = "upperForwarding";
  /** Waits until the application is delivered (待上级平台受理). */
  public static final String ACCEPTANCE_WAIT = "awaitUpperAcceptance";
  /** Waits for the upper platform's final answer (上级平台办理中). */
  public static final String ANSWER_WAIT = "awaitUpperAnswer";
  private static final String PLATFORM_NAME = "共享平台";

  private final ShareRequests requests;
  private final ShareRequestParties parties;
  private final RequestLifecycle lifecycle;
  private final SharingMapper mapper;
  private final Grants grants;

  UpperRequests(ShareRequests requests, ShareRequestParties parties, RequestLifecycle lifecycle, SharingMapper mapper,
      Grants grants) {
    this.requests = requests;
    this.parties = parties;
    this.lifecycle = lifecycle;
    this.mapper = mapper;
    this.grants = grants;
  }

  /** The request this process instance runs, from its own row. */
  public ShareRequest of(DelegateExecution execution) {
    return parties.request(execution);
  }

  public ShareRequest find(long requestId) {
    return requests.require(requestId);
  }

  /** True when the request was routed to the upper platform (its route is fixed at submission). */
  public boolean isUpper(long requestId) {
    return ShareRequests.ROUTE_UPPER.equals(mapper.findRoute(requestId));
  }

  /** Nanchang 14: the check passed and the application is in the outbox, written in the same transaction. */
  @Transactional
  public void forwarded(long requestId, String detail) {
    requireUpper(requestId);
    lifecycle.apply(requestId, RequestEvent.FORWARDED_TO_UPPER, null, null);
    requests.step(requestId, "forwardToUpper", "转交上级平台", RequestLifecycle.PLATFORM, PLATFORM_NAME, null,
        RequestStatus.FORWARDING.name(), detail, null);
  }

  /** Nanchang 16: the platform gathered the request into a bulk application (整体授权); recorded on the request. */
  @Transactional
  public void gathered(long requestId, String detail) {
    requireUpper(requestId);
    requests.step(requestId, "gatheredIntoBulk", "汇总为整体授权申请", RequestLifecycle.PLATFORM, PLATFORM_NAME, null,
        RequestStatus.FORWARDING.name(), detail, null);
  }

  /** The upper platform has the application: the city's own period stops here (R24). */
  @Transactional
  public void accepted(long requestId, String upperReference) {
    requireUpper(requestId);
    ShareRequest request = lifecycle.applyAndRead(requestId, RequestEvent.UPPER_ACCEPTED, null, null);
    String detail = "上级平台受理编号 " + upperReference;
    requests.step(requestId, "upperAccepted", "上级平台已受理", RequestLifecycle.PLATFORM, PLATFORM_NAME, null,
        RequestStatus.UPPER_REVIEW.name(), detail, null);
    requests.notifyDepartment(request.applicantDept(), request, "已转交上级平台", detail);
  }

  /** R24, R17: the upper grant mirrored with its scope and validity; R14: the applicant is told at once. */
  @Transactional
  public Grant granted(long requestId, List<String> scope, Purpose purpose, LocalDate validUntil, long upperGrantId,
      String upperReference) {
    ShareRequest request = requireUpper(requestId);
    Grant grant = grants.issue(request.applicantDept(), request.resourceCode(), scope, purpose, validUntil,
        Grants.SOURCE_UPPER, String.valueOf(upperGrantId));
    lifecycle.apply(requestId, RequestEvent.UPPER_GRANTED, grant.id(), "上级平台同意共享（" + upperReference + "）");
    String detail = "授权范围：" + (scope.isEmpty() ? "全部数据项" : String.join("、", scope))
        + (validUntil == null ? "" : "；有效期至 " + validUntil) + "；上级平台授权编号 " + upperGrantId;
    requests.step(requestId, "upperAnswer", "上级平台答复", RequestLifecycle.PLATFORM, PLATFORM_NAME, null,
        ShareRequestProcess.APPROVED, detail, null);
    requests.notifyApplicant(request, "上级平台同意共享", detail);
    return grant;
  }

  /** R24, R13: refused at the upper platform, with its reasons; R14: the applicant is told at once. */
  @Transactional
  public void refused(long requestId, String reason, String upperReference) {
    ShareRequest request = requireUpper(requestId);
    lifecycle.apply(requestId, RequestEvent.UPPER_REFUSED, null, reason);
    requests.step(requestId, "upperAnswer", "上级平台答复", RequestLifecycle.PLATFORM, PLATFORM_NAME, null,
        ShareRequestProcess.REFUSED, reason, null);
    requests.notifyApplicant(request, "上级平台不予共享", "理由：" + reason + "（上级平台受理编号 " + upperReference + "）");
  }

  private ShareRequest requireUpper(long requestId) {
    ShareRequest request = requests.require(requestId);
    if (!isUpper(requestId)) {
      throw ApiException.conflict("requestId", "共享申请 " + request.businessKey() + " 不是上级平台资源的申请");
    }
    return request;
  }
}
