package cn.govshare.sharing;

import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.catalog.ResourceItem;
import cn.govshare.catalog.ShareType;
import cn.govshare.clock.Zones;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.org.Groups;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share requests: validation and routing by share type (R10, R11, R15, R18), the record of every step,
 * and the outcome. The conditional-share-request process calls back through {@link ShareRequestProcess}.
 */
@Service
public class ShareRequests {

  static final String PROCESS = "conditional-share-request";
  static final String ROUTE_DIRECT = "DIRECT";
  static final String ROUTE_REVIEW = "REVIEW";
  /** National art. 21: the provider answers a request for unconditional data within 1 WD. */
  static final String ROUTE_UNCONDITIONAL = "UNCONDITIONAL";
  /** R24: an upper platform's resource; after the check the request goes up (federation.lower). */
  public static final String ROUTE_UPPER = "UPPER";
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  /** gs_notification.body is VARCHAR(2000). */
  private static final int NOTICE_MAX = 2000;

  private final SharingMapper mapper;
  private final CatalogService catalog;
  private final Grants grants;
  private final DepartmentService departments;
  private final ActivePolicy policy;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final ObjectProvider<DisputeHandOff> disputes;
  private final RequestLifecycle lifecycle;
  private final ObjectProvider<GrantHoldersOfRequest> holders;
  private final Clock clock;

  ShareRequests(SharingMapper mapper, CatalogService catalog, Grants grants, DepartmentService departments,
      ActivePolicy policy, RuntimeService runtime, Notifications notifications, AuditTrail audit,
      ObjectProvider<DisputeHandOff> disputes, RequestLifecycle lifecycle,
      ObjectProvider<GrantHoldersOfRequest> holders, Clock clock) {
    this.lifecycle = lifecycle;
    this.holders = holders;
    this.mapper = mapper;
    this.catalog = catalog;
    this.grants = grants;
    this.departments = departments;
    this.policy = policy;
    this.runtime = runtime;
    this.notifications = notifications;
    this.audit = audit;
    this.disputes = disputes;
    this.clock = clock;
  }

  /** Validates and routes a request; all or nothing (the process starts in the same transaction). */
  @Transactional
  public ShareRequest submit(Caller caller, NewShareRequest body) {
    if (caller.department() == null) {
      throw ApiException.forbidden("只有部门成员可以申请共享数据 (R11)");
    }
    return submit(caller, caller.department(), body, null);
  }

  /**
   * R24, nanchang 16: an application a lower platform forwarded, submitted here in the name of the department
   * that stands for that platform ({@code applicantDept}, from the federation feature's own rows) by its service
   * account; {@code onBehalf} names the lower departments for the record. It then runs like any other request.
   */
  @Transactional
  public ShareRequest submitForwarded(Caller peer, String applicantDept, NewShareRequest body, String onBehalf) {
    if (departments.find(applicantDept).isEmpty()) {
      throw new IllegalStateException("no department stands for lower platform " + applicantDept);
    }
    return submit(peer, applicantDept, body, onBehalf);
  }

  private ShareRequest submit(Caller caller, String applicantDept, NewShareRequest body, String onBehalf) {
    if (StringUtils.isBlank(body.resourceCode())) {
      throw ApiException.badRequest("resourceCode", "R11", "须写明申请的资源");
    }
    CatalogResource resource = catalog.find(body.resourceCode().strip())
        .orElseThrow(() -> ApiException.badRequest("resourceCode", "R11", "资源目录中没有 " + body.resourceCode()));
    if (!resource.isPublished()) {
      throw ApiException.badRequest("resourceCode", "R11", "资源 " + resource.code() + " 未发布，不能申请");
    }
    if (resource.upper()) {
      upperApplicable(resource);
    }
    if (applicantDept.equals(resource.responsibleDepartment())) {
      throw ApiException.badRequest("resourceCode", "R11", "不能申请本部门提供的资源");
    }
    if (body.purpose() == null) {
      throw ApiException.badRequest("purpose", "R17", "须写明用途：ADMINISTRATIVE_BASIS、WORK_REFERENCE、"
          + "DATA_VERIFICATION 或 BUSINESS_COLLABORATION");
    }
    String reason = required(body.reason(), "reason", 2000, "须写明申请理由");
    String systemName = required(body.systemName(), "systemName", 255, "须写明使用数据的信息系统");
    List<String> fields = body.requestedFields() == null ? List.of()
        : body.requestedFields().stream().map(f -> f == null ? "" : f.strip()).distinct().toList();
    Set<String> items = resource.items().stream().map(ResourceItem::name).collect(Collectors.toSet());
    for (String field : fields) {
      if (!items.contains(field)) {
        throw ApiException.badRequest("requestedFields", "R11", "资源 " + resource.code() + " 没有数据项「" + field + "」");
      }
    }
    Instant now = clock.instant();
    ShareRequest request = new ShareRequest(null, "SR-" + UUID.randomUUID(), resource.code(), resource.name(),
        resource.shareType().name(), resource.responsibleDepartment(), applicantDept, caller.userId(),
        body.purpose(), reason, systemName, String.join(",", fields), RequestStatus.SUBMITTED, null, null, null, null,
        now, null);
    GeneratedKey key = new GeneratedKey();
    mapper.insertRequest(request, key);
    long id = key.getId();
    // SR-20251009-000042: the date of submission in Beijing time, then the request id
    mapper.updateBusinessKey(id, "SR-" + now.atZone(Zones.SHANGHAI).toLocalDate().format(DAY) + "-"
        + String.format("%06d", id));
    step(id, "submitted", "提交申请", caller.userId(), caller.name(), applicantDept, "SUBMITTED",
        "用途：" + body.purpose().label() + "；理由：" + reason + (onBehalf == null ? "" : "；" + onBehalf), null);
    audit.record(caller, "SHARE_REQUEST_SUBMITTED", "SHARE_REQUEST", String.valueOf(id), AuditTrail.OK,
        resource.code() + " " + body.purpose(), Set.of(resource.responsibleDepartment()));
    route(mapper.findRequest(id), resource, fields);
    return mapper.findRequest(id);
  }

  private void route(ShareRequest request, CatalogResource resource, List<String> fields) {
    if (resource.shareType() == ShareType.NOT_SHARED) {
      // R18: a NOT_SHARED resource goes to negotiation, then the bodies the profile names
      ShareRequest disputed = lifecycle.applyAndRead(request.id(), RequestEvent.NOT_SHARED_TO_DISPUTE, null,
          "不予共享类资源，转入争议协调 (R18)");
      handToDispute(disputed, "申请不予共享类资源 " + resource.code());
      return;
    }
    String route = route(resource);
    if (route == null) {
      // R10: unconditional resources are obtained directly, without review
      Grant grant = issueGrants(request, fields, null);
      lifecycle.apply(request.id(), RequestEvent.GRANTED_DIRECTLY, grant.id(), "无条件共享，直接获取 (R10)");
      step(request.id(), "directAccess", "无条件共享直接获取", "system", "共享平台", null, "GRANTED", "R10", null);
      return;
    }
    mapper.updateRoute(request.id(), route);
    // the contract's start variables (SPEC §5) and the provider's scope to start from; the process reads parties,
    // resource and route from the row, never from these. What the forms show besides is read when a form is
    // opened (ShareRequestForms, issue 25).
    Map<String, Object> variables = new HashMap<>();
    variables.put("resourceCode", resource.code());
    variables.put("providerDept", resource.responsibleDepartment());
    variables.put("applicantDept", request.applicantDept());
    variables.put("purpose", request.purpose().name());
    variables.put("reason", request.reason());
    variables.put("systemName", request.systemName());
    variables.put("grantScope", String.join(",", fields));
    // the start listener binds the instance to this request by its business key (BindRequestListener)
    runtime.startProcessInstanceByKey(PROCESS, request.businessKey(), variables);
  }

  /**
   * Who answers: R15 (hubei 11, 12, 18, 21) every request goes through the platform, unconditional data without
   * controlled parameters is authorised by the platform itself, with them by the provider; national 21: the
   * provider answers unconditional data in 1 WD; otherwise unconditional data is granted at once (null, R10).
   */
  private String route(CatalogResource resource) {
    if (resource.upper()) {
      return ROUTE_UPPER;
    }
    if (resource.shareType() != ShareType.UNCONDITIONAL) {
      return ROUTE_REVIEW;
    }
    if (policy.has("R15")) {
      return resource.controlledParameters() ? ROUTE_REVIEW : ROUTE_DIRECT;
    }
    return policy.has("R13-UNCONDITIONAL") ? ROUTE_UNCONDITIONAL : null;
  }

  /**
   * R24: an upper resource is applied for through this platform, which checks and forwards it (nanchang 14, 16;
   * hubei 12, 18); the upper platform decides. Its NOT_SHARED resources have no application to forward.
   */
  private void upperApplicable(CatalogResource resource) {
    if (resource.shareType() == ShareType.NOT_SHARED) {
      throw ApiException.badRequest("resourceCode", "R24", "上级平台资源 " + resource.code() + " 不予共享，不能通过本级平台申请");
    }
    if (!policy.has("R24-FORWARD")) {
      throw ApiException.badRequest("resourceCode", "R24", "本办法（" + policy.profile().name()
          + "）未规定向上级平台申请，不能申请上级平台资源 " + resource.code());
    }
  }

  /**
   * R17: one grant per holder ({@link GrantHoldersOfRequest}; the applicant department unless a feature lists
   * others), each with the request's scope, purpose and validity; returns the first, which the request records.
   */
  Grant issueGrants(ShareRequest request, List<String> scope, LocalDate validUntil) {
    List<String> codes = holders.orderedStream().map(h -> h.holders(request)).filter(h -> !h.isEmpty()).findFirst()
        .orElse(List.of(request.applicantDept()));
    Grant first = null;
    for (String holder : codes) {
      Grant grant = grants.issue(holder, request.resourceCode(), scope, request.purpose(), validUntil,
          Grants.SOURCE_REQUEST, String.valueOf(request.id()));
      first = first == null ? grant : first;
    }
    return first;
  }

  void handToDispute(ShareRequest request, String reason) {
    DisputeHandOff handOff = disputes.getIfAvailable();
    if (handOff != null) {
      mapper.updateDisputeRef(request.id(), handOff.startDispute(request, reason));
    } else {
      notifications.notifyGroup(Groups.GENERAL_OFFICE, "DISPUTE", "待协调的共享争议: " + request.businessKey(),
          reason, "SHARE_REQUEST", String.valueOf(request.id()));
    }
    step(request.id(), "dispute", "转入争议协调", "system", "共享平台", null, "DISPUTE", reason, null);
  }

  /** The dispute feature reports its outcome back to the request (SHARE → GRANTED, NOT_SHARE → REFUSED). */
  @Transactional
  public void disputeDecided(long requestId, boolean share, Long grantId, String reason, String decidedBy) {
    ShareRequest request = mapper.findRequest(requestId);
    if (request == null) {
      throw new IllegalArgumentException("no share request " + requestId);
    }
    ShareRequest decided = lifecycle.applyAndRead(requestId,
        share ? RequestEvent.DISPUTE_SHARED : RequestEvent.DISPUTE_NOT_SHARED, grantId, reason);
    step(requestId, "disputeDecided", "争议协调结果", decidedBy, null, null, decided.status().name(), reason, null);
    notifyApplicant(request, share ? "经争议协调同意共享" : "经争议协调不予共享", reason);
  }

  public ShareRequest require(long id) {
    ShareRequest request = mapper.findRequest(id);
    if (request == null) {
      throw ApiException.notFound("共享申请不存在: " + id);
    }
    return request;
  }

  /** Visible to the two departments, the platform and supervisors; the dispute bodies while in dispute. */
  public ShareRequest visible(Caller caller, long id) {
    ShareRequest request = mapper.findRequest(id);
    if (request == null || !canSee(caller, request)) {
      throw ApiException.notFound("共享申请不存在: " + id);
    }
    return request;
  }

  public List<ShareRequest> ofDepartment(Caller caller, boolean mine) {
    if (mine || !caller.readsEverything()) {
      if (caller.department() == null) {
        return List.of();
      }
      return mapper.findRequestsOf(caller.department(), 500);
    }
    return mapper.findRequestsOf(null, 500);
  }

  public List<RequestStep> steps(long requestId) {
    return mapper.findSteps(requestId);
  }

  void step(long requestId, String step, String name, String actorUser, String actorName, String actorDept,
      String outcome, String comment, String taskId) {
    mapper.insertStep(new RequestStep(null, requestId, step, name, actorUser, actorName, actorDept, clock.instant(),
        outcome, StringUtils.abbreviate(comment, 2000), taskId));
  }

  /** R14: the applicant is told the answer, and the telling is recorded with its time. */
  void notifyApplicant(ShareRequest request, String subject, String detail) {
    tell(request.applicantDept(), "SHARE_REQUEST_ANSWER", request, subject, detail);
    step(request.id(), "applicantNotified", "告知申请部门", "system", "共享平台", null, subject, detail, null);
  }

  /** Tells a department (the provider, say) about a step of the request, with the request's reference. */
  void notifyDepartment(String department, ShareRequest request, String subject, String detail) {
    tell(department, "SHARE_REQUEST_STEP", request, subject, detail);
  }

  private void tell(String department, String category, ShareRequest request, String subject, String detail) {
    // the notice quotes the reason; the reason itself is kept whole on the request (outcome_reason)
    notifications.notifyGroup(department, category,
        request.businessKey() + " " + request.resourceName() + "：" + subject, StringUtils.abbreviate(detail, NOTICE_MAX),
        "SHARE_REQUEST", String.valueOf(request.id()));
  }

  private boolean canSee(Caller caller, ShareRequest request) {
    return caller.readsEverything() || caller.belongsTo(request.applicantDept())
        || caller.belongsTo(request.providerDept())
        || (request.disputeRef() != null || request.status() == RequestStatus.DISPUTE)
            && (caller.isGeneralOffice() || caller.isLeadingGroup());
  }

  private static String required(String value, String field, int max, String message) {
    if (StringUtils.isBlank(value)) {
      throw ApiException.badRequest(field, "R11", message);
    }
    if (value.strip().length() > max) {
      throw ApiException.badRequest(field, field + " 不能超过 " + max + " 个字符");
    }
    return value.strip();
  }
}
