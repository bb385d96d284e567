package cn.govshare.opendata;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.ResourceItem;
import cn.govshare.catalog.ShareMode;
import cn.govshare.deadline.Deadlines;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.TimeLimit;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open-data requests (开放数据申请, R25; nanchang 18-21): a verified public applicant asks for a resource of the open
 * catalogue; the provider department answers within the profile's limit in Tasklist ({@code openDataReview}); a
 * refusal states its reasons. Under a profile whose regulation has no open-data step the portal says so and takes no
 * request (never a silent skip). The request is written first, then its process (bpmn/open-data-request.bpmn).
 */
@Service
public class OpenDataRequests {

  static final String PROCESS = "open-data-request";
  static final String PERSONAL_DATA_READ = "PUBLIC_PERSONAL_DATA_READ";
  private static final int LIST_LIMIT = 500;

  private final OpenDataMapper mapper;
  private final OpenDataTransitions transitions;
  private final PublicAccounts accounts;
  private final PublicRateLimits limits;
  private final CatalogService catalog;
  private final DepartmentService departments;
  private final ActivePolicy policy;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final Deadlines deadlines;
  private final AuditTrail audit;
  private final Clock clock;

  OpenDataRequests(OpenDataMapper mapper, OpenDataTransitions transitions, PublicAccounts accounts, PublicRateLimits limits, CatalogService catalog, DepartmentService departments,
      ActivePolicy policy, RuntimeService runtime, Notifications notifications, Deadlines deadlines, AuditTrail audit,
      Clock clock) {
    this.mapper = mapper;
    this.transitions = transitions;
    this.accounts = accounts;
    this.limits = limits;
    this.catalog = catalog;
    this.departments = departments;
    this.policy = policy;
    this.runtime = runtime;
    this.notifications = notifications;
    this.deadlines = deadlines;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the portal takes requests under the profile in force, and why (the page says it either way). */
  record Portal(boolean accepting, String profile, String regulation, String answerLimit, String citation,
      String message, PublicAccounts.Registration registration) {

    Portal withRegistration(PublicAccounts.Registration state) {
      return new Portal(accepting, profile, regulation, answerLimit, citation, message, state);
    }
  }

  /** One resource of the open catalogue as the public reads it. */
  record OpenResource(String code, String name, String provider, String providerName, String format,
      List<String> items, String shareModes, String usageRequirements) {
  }

  /** The body of POST /api/public/open-data-requests. */
  record NewOpenDataRequest(String resourceCode, String purpose, String intendedUse) {
  }

  /** A request as its applicant and the provider read it (no personal data of the applicant). */
  record RequestView(long id, String businessKey, String resourceCode, String resourceName, String provider,
      String providerName, String purpose, String intendedUse, String shareModes, String state, String stateText,
      Instant submittedAt, String dueText, String citation, Instant answeredAt, String denialReason,
      String accessDescription, String processInstanceId) {
  }

  /** The applicant's personal data, for the provider of their request and supervisors only (each read audited). */
  record Applicant(String userId, String kind, String name, String idNumber, String email, String phone,
      boolean verified) {
  }

  Portal portal() {
    var profile = policy.profile();
    if (!policy.has(OpenDataTaskChecks.RULE)) {
      return new Portal(false, profile.name(), profile.regulation(), null, null, "现行办法" + profile.regulation()
          + "未规定开放数据申请（R25 仅见于《南昌市政务信息资源共享开放管理办法》第十八条至第二十一条），"
          + "本平台在该办法下不受理开放数据申请；开放目录仅供查阅。", null);
    }
    TimeLimit limit = policy.limit(OpenDataTaskChecks.RULE);
    return new Portal(true, profile.name(), profile.regulation(), limit.amountText(), limit.citationText(),
        "提供部门自收到申请之日起" + limit.amountText() + "内答复；同意开放的及时开放，不同意开放的说明理由（"
            + limit.citationText() + "）。", null);
  }

  /** GET /api/public/catalog: the published entries open to the public (R4; nanchang 8, 19). */
  List<OpenResource> openCatalog() {
    return catalog.openToPublic().stream().map(r -> new OpenResource(r.code(), r.name(), r.responsibleDepartment(),
        departments.nameOf(r.responsibleDepartment()), r.format(), r.items().stream().map(ResourceItem::name).toList(),
        shareModes(r), r.usageRequirements())).toList();
  }

  /** POST /api/public/open-data-requests: filed by a verified public applicant; the provider comes from the catalogue. */
  @Transactional
  RequestView apply(Caller caller, NewOpenDataRequest body, String address) {
    Portal portal = portal();
    if (!portal.accepting()) {
      throw new ApiException(HttpStatus.CONFLICT, "open-data-not-handled", null, OpenDataTaskChecks.RULE,
          portal.message());
    }
    PublicAccount account = accounts.applicant(caller);
    if (body == null) {
      throw ApiException.badRequest("resourceCode", "请选择申请的开放数据资源");
    }
    String code = StringUtils.strip(body.resourceCode());
    CatalogResource resource = code == null ? null : catalog.findPublished(code).orElse(null);
    if (resource == null || !resource.openToPublic()) {
      throw ApiException.badRequest("resourceCode", OpenDataTaskChecks.RULE,
          "开放目录中没有该资源: " + StringUtils.abbreviate(code, 64) + "（只能申请可向社会开放的资源）");
    }
    String purpose = text("purpose", body.purpose(), "请说明申请目的");
    String use = text("intendedUse", body.intendedUse(), "请说明数据用途（使用范围和方式）");
    limits.application(caller.userId(), address);
    OpenDataRequest created = transitions.submit(new OpenDataRequest(null, account.userId(), resource.code(),
        resource.name(), resource.responsibleDepartment(), purpose, use, shareModes(resource), portal.citation(), null,
        clock.instant(), null, null, null, null, null), caller);
    // the start binds the instance to the request (OpenDataCases.bind); no variables
    runtime.startProcessInstanceByKey(PROCESS, created.businessKey());
    notifications.notifyGroup(created.provider(), "OPEN_DATA_REQUEST", "开放数据申请：" + resource.name(),
        "数据开放门户收到对「" + resource.name() + "」的开放数据申请 " + created.businessKey() + "，" + portal.message(),
        OpenDataTransitions.AUDIT_TYPE, String.valueOf(created.id()));
    return view(mapper.find(created.id()));
  }

  /** GET /api/public/open-data-requests: the caller's own requests, nobody else's. */
  List<RequestView> mine(Caller caller) {
    if (!caller.isPublicApplicant()) {
      throw ApiException.forbidden("仅公众账号可查看本人的开放数据申请");
    }
    return mapper.search(caller.userId(), null, null, LIST_LIMIT).stream().map(this::view).toList();
  }

  /** GET /api/open-data-requests: the provider's own, supervisors and the platform all. */
  List<RequestView> list(Caller caller, String provider, OpenDataState state) {
    String scope = StringUtils.stripToNull(provider);
    if (!caller.readsEverything()) {
      if (caller.department() == null || scope != null && !caller.belongsTo(scope)) {
        throw ApiException.forbidden("只能查看本部门作为提供部门的开放数据申请");
      }
      scope = caller.department();
    }
    return mapper.search(null, scope, state, LIST_LIMIT).stream().map(this::view).toList();
  }

  RequestView visible(Caller caller, long id) {
    return view(readable(caller, id));
  }

  /**
   * GET /api/open-data-requests/{id}/applicant: personal data, only to the provider handling the request and to
   * supervisors (not to the platform or other departments); every read is one audit record.
   */
  @Transactional
  Applicant applicant(Caller caller, long id) {
    OpenDataRequest request = mapper.find(id);
    if (request == null || !(caller.isSupervisor() || caller.belongsTo(request.provider()))) {
      throw ApiException.notFound("开放数据申请不存在或无权查看申请人信息: " + id);
    }
    PublicAccount account = accounts.personalData(request.applicant());
    audit.record(caller, PERSONAL_DATA_READ, PublicAccounts.AUDIT_TYPE, request.applicant(), AuditTrail.OK,
        "查阅公众申请人个人信息（姓名、证件号码、联系方式），因开放数据申请 " + request.businessKey(), Set.of(request.provider()));
    return new Applicant(account.userId(), account.kind().chinese(), account.name(), account.idNumber(),
        account.email(), account.phone(), account.verified());
  }

  /** Built-in end listener: a request whose process ends unanswered (deleted, cancelled) is closed CANCELLED. */
  void processEnded(DelegateExecution execution) {
    mapper.findByProcessInstance(execution.getProcessInstanceId()).filter(r -> r.state() == OpenDataState.SUBMITTED)
        .ifPresent(open -> transitions.fire(open, OpenDataEvent.CANCEL, "流程已终止", r -> r));
  }

  private OpenDataRequest readable(Caller caller, long id) {
    OpenDataRequest request = mapper.find(id);
    if (request == null || !(caller.readsEverything() || caller.belongsTo(request.provider()))) {
      throw ApiException.notFound("开放数据申请不存在: " + id);
    }
    return request;
  }

  private RequestView view(OpenDataRequest r) {
    String due = r.state() != OpenDataState.SUBMITTED ? null : deadlines.forProcessInstance(r.processInstanceId())
        .stream().filter(d -> OpenDataTaskChecks.REVIEW.equals(d.taskDefinitionKey()) && d.completedAt() == null)
        .map(d -> d.dueText()).reduce((a, b) -> b).orElse(null);
    return new RequestView(r.id(), r.businessKey(), r.resourceCode(), r.resourceName(), r.provider(),
        departments.nameOf(r.provider()), r.purpose(), r.intendedUse(), r.shareModes(), r.state().name(),
        r.state().chinese(), r.submittedAt(), due, r.citation(), r.answeredAt(), r.denialReason(),
        r.accessDescription(), r.processInstanceId());
  }

  static String shareModes(CatalogResource resource) {
    return resource.shareModes().stream().map(OpenDataRequests::shareMode).collect(Collectors.joining("；"));
  }

  private static String shareMode(ShareMode mode) {
    String type = switch (mode.type()) {
      case TABLE -> "库表";
      case FILE -> "文件";
      case SERVICE_API -> "服务接口";
    };
    String delivery = mode.delivery() == null ? "" : "，" + switch (mode.delivery()) {
      case SYSTEM_DOCKING -> "系统对接";
      case FRONT_END_PROCESSOR -> "前置机";
      case ONLINE_QUERY -> "在线查询";
      case BATCH_DOWNLOAD -> "批量下载";
    };
    return type + delivery + (mode.interfaceDescription() == null ? "" : "：" + mode.interfaceDescription());
  }

  private static String text(String field, String value, String missing) {
    String text = StringUtils.strip(value);
    if (text == null || text.isEmpty()) {
      throw ApiException.badRequest(field, missing);
    }
    if (text.length() > OpenDataTaskChecks.TEXT_COLUMN) {
      throw ApiException.badRequest(field, field + " 不能超过 " + OpenDataTaskChecks.TEXT_COLUMN + " 个字符（现为 "
          + text.length() + " 个）");
    }
    return text;
  }
}
