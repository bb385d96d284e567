package cn.govshare.federation.lower;

import cn.govshare.ApiException;
import cn.govshare.FormRejection;
import cn.govshare.audit.AuditTrail;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.federation.api.ForwardedApplication;
import cn.govshare.federation.api.LowerDepartment;
import cn.govshare.federation.api.UpperAnswer;
import cn.govshare.federation.api.UpperApplication;
import cn.govshare.federation.api.UpperDeadline;
import cn.govshare.federation.api.UpperGrant;
import cn.govshare.federation.api.UpperStatus;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.sharing.Grant;
import cn.govshare.sharing.GrantStatus;
import cn.govshare.sharing.Grants;
import cn.govshare.sharing.ShareRequest;
import cn.govshare.sharing.UpperRequests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city side of R24 (docs/federation.md, City side): a checked request goes into the forwarding outbox in the
 * check's own transaction (nanchang 14), gathered for a bulk application where the profile has one (nanchang 16);
 * the sender's delivery and the poll's answer move the requests on. What goes up and what comes back is read from
 * this platform's rows and the upper platform's answers only, never from a variable or body a department writes.
 */
@Service
class UpperForwardings {

  private static final Logger LOG = LoggerFactory.getLogger(UpperForwardings.class);
  static final String SYSTEM = "system";
  private static final int MAX_TEXT = 2000;
  private static final TypeReference<List<UpperDeadline>> DEADLINES = new TypeReference<>() {
  };

  private final ForwardingMapper mapper;
  private final UpperRequests requests;
  private final Grants grants;
  private final DepartmentService departments;
  private final ActivePolicy policy;
  private final WorkingCalendar calendar;
  private final RuntimeService runtime;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;

  UpperForwardings(ForwardingMapper mapper, UpperRequests requests, Grants grants, DepartmentService departments,
      ActivePolicy policy, WorkingCalendar calendar, RuntimeService runtime, AuditTrail audit, ObjectMapper json,
      Clock clock) {
    this.mapper = mapper;
    this.requests = requests;
    this.grants = grants;
    this.departments = departments;
    this.policy = policy;
    this.calendar = calendar;
    this.runtime = runtime;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Nanchang 14, hubei 19: the check passed; the application is written to the outbox in the same transaction.
   * With R24-BULK (nanchang 16) it first gathers for the window, which ends no later than the end of the last
   * working day but one of the forwarding period, so the last day is left for delivery.
   */
  void handOver(DelegateExecution execution) {
    ShareRequest request = requests.of(execution);
    if (!requests.isUpper(request.id())) {
      throw new ProcessEngineException("共享申请 " + request.businessKey() + " 不是上级平台资源的申请");
    }
    String upperCode = mapper.findUpperCode(request.resourceCode());
    if (upperCode == null) {
      throw new ProcessEngineException("上级平台资源 " + request.resourceCode() + " 没有同步记录");
    }
    Instant now = clock.instant();
    Instant gatherUntil = policy.has("R24-BULK") ? gatherUntil(request, now) : null;
    ForwardingState state = gatherUntil != null && gatherUntil.isAfter(now) ? ForwardingState.GATHERING
        : ForwardingState.PENDING;
    Forwarding forwarding = new Forwarding(null, UUID.randomUUID().toString(), request.resourceCode(), upperCode,
        request.purpose().name(), canonicalFields(request.requestedFields()), state, gatherUntil, 0, now, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, now);
    GeneratedKey key = new GeneratedKey();
    mapper.insert(forwarding, key);
    mapper.insertMember(new ForwardingMember(request.id(), key.getId(), request.applicantDept(), now, SYSTEM, null,
        null, null, null, null));
    String detail = state == ForwardingState.GATHERING
        ? "汇总整体授权申请，至迟于 " + cn.govshare.calendar.DueText.lastDay(gatherUntil) + " 转交上级平台（"
            + policy.limit("R24-BULK").citationText() + "）"
        : "已转交上级平台，等待上级平台受理";
    requests.forwarded(request.id(), detail + "；转交编号 UA-" + key.getId());
    audit.record(SYSTEM, "UPPER_FORWARDING_CREATED", "UPPER_APPLICATION", String.valueOf(key.getId()), AuditTrail.OK,
        request.businessKey() + " → " + upperCode + "（" + state + "）");
  }

  private Instant gatherUntil(ShareRequest request, Instant now) {
    Instant window = calendar.due(now, policy.limit("R24-BULK").amount()).dueAt();
    int forward = policy.limit("R24-FORWARD").amount();
    Instant latest = forward > 1 ? calendar.due(request.submittedAt(), forward - 1).dueAt() : now;
    return window.isBefore(latest) ? window : latest;
  }

  /** The operator sends a gathered application now (nanchang 16: the platform decides what goes together). */
  @Transactional
  Forwarding send(Caller caller, long id) {
    requireOperator(caller);
    require(id);
    if (mapper.release(id, clock.instant()) != 1) {
      throw ApiException.conflict("state", "只有汇总中的申请可以立即转交: UA-" + id);
    }
    audit.record(caller, "UPPER_FORWARDING_RELEASED", "UPPER_APPLICATION", String.valueOf(id), AuditTrail.OK,
        "共享平台管理单位决定立即转交上级平台", java.util.Set.of());
    return mapper.find(id);
  }

  /**
   * Nanchang 16 (整体授权): the operator gathers other applications for the same upper resource, purpose and
   * items into this one while none of them has been sent; each request is told in its record.
   */
  @Transactional
  Forwarding merge(Caller caller, long id, List<Long> others) {
    requireOperator(caller);
    Forwarding target = require(id);
    if (others == null || others.isEmpty()) {
      throw ApiException.badRequest("applications", "R24", "须列出要并入的转交申请");
    }
    if (!open(target)) {
      throw ApiException.conflict("state", "UA-" + id + " 已开始转交，不能再并入其他申请");
    }
    for (Long otherId : others.stream().filter(Objects::nonNull).distinct().toList()) {
      Forwarding other = require(otherId);
      if (otherId == id) {
        throw ApiException.badRequest("applications", "R24", "不能把申请并入它自己");
      }
      if (!other.resourceCode().equals(target.resourceCode()) || !other.purpose().equals(target.purpose())
          || !other.requestedFields().equals(target.requestedFields())) {
        throw ApiException.badRequest("applications", "R24", "UA-" + otherId + " 与 UA-" + id
            + " 的资源、用途或申请数据项不同，不能合并为一个整体授权申请");
      }
      if (!open(other) || mapper.merged(otherId) != 1) {
        throw ApiException.conflict("applications", "UA-" + otherId + " 已开始转交，不能并入");
      }
      List<ForwardingMember> moved = mapper.members(otherId);
      mapper.moveMembers(otherId, id);
      for (ForwardingMember member : moved) {
        requests.gathered(member.requestId(), "并入整体授权申请 UA-" + id);
      }
    }
    audit.record(caller, "UPPER_FORWARDING_MERGED", "UPPER_APPLICATION", String.valueOf(id), AuditTrail.OK,
        "整体授权申请并入 " + others.stream().map(o -> "UA-" + o).collect(Collectors.joining("、")), java.util.Set.of());
    return mapper.find(id);
  }

  /** Not yet tried: gathering, or in the outbox without an attempt (the sender claims only PENDING rows). */
  private static boolean open(Forwarding forwarding) {
    return forwarding.state() == ForwardingState.GATHERING;
  }

  List<Forwarding> list(Caller caller, ForwardingState state) {
    if (!caller.isPlatformOperator() && !caller.readsEverything()) {
      throw ApiException.forbidden("只有共享平台管理单位和监督人员可以查看上级平台转交 (R24)");
    }
    return mapper.list(state, 500);
  }

  List<ForwardingMember> members(long id) {
    return mapper.members(id);
  }

  /** What goes up: the upper code, the purpose, the items, and every department the application is for. */
  ForwardedApplication body(Forwarding forwarding, List<ForwardingMember> members) {
    List<ShareRequest> carried = members.stream().map(m -> requests.find(m.requestId())).toList();
    boolean bulk = carried.size() > 1;
    String reason = bulk
        ? "整体授权申请（" + carried.size() + "个部门）：" + carried.stream()
            .map(r -> departments.nameOf(r.applicantDept()) + "：" + r.reason()).collect(Collectors.joining("；"))
        : carried.get(0).reason();
    String systems = carried.stream().map(ShareRequest::systemName).distinct().collect(Collectors.joining("、"));
    List<LowerDepartment> listed = carried.stream().map(ShareRequest::applicantDept).distinct()
        .map(code -> new LowerDepartment(code, departments.nameOf(code))).toList();
    return new ForwardedApplication(forwarding.upperCode(), forwarding.purpose(), StringUtils.abbreviate(reason, MAX_TEXT),
        StringUtils.abbreviate(systems, 255), split(forwarding.requestedFields()),
        bulk ? "UA-" + forwarding.id() : carried.get(0).businessKey(), bulk, listed);
  }

  /** The upper platform has the application: each request leaves 待上级平台受理 and the city's period closes. */
  @Transactional
  boolean delivered(Forwarding claimed, String node, UpperApplication answer) {
    Instant now = clock.instant();
    if (mapper.delivered(claimed.id(), node, answer.id(), answer.reference(), now) != 1) {
      LOG.warn("forwarding UA-{} was delivered but its lease had been taken over", claimed.id());
      return false;
    }
    mapper.insertAttempt(claimed.id(), now, node, "DELIVERED", null);
    audit.record(SYSTEM, "UPPER_FORWARDING_DELIVERED", "UPPER_APPLICATION", String.valueOf(claimed.id()),
        AuditTrail.OK, "上级平台受理编号 " + answer.reference() + "，第 " + claimed.attempts() + " 次送达");
    for (ForwardingMember member : mapper.members(claimed.id())) {
      requests.accepted(member.requestId(), answer.reference());
      signal(member.requestId(), UpperRequests.ACCEPTANCE_WAIT);
    }
    follow(answer);
    return true;
  }

  /** A failed attempt: back to the outbox after the back-off; nothing is dropped, the R24-FORWARD breach tells people. */
  @Transactional
  void failed(Forwarding claimed, String node, Instant next, String error) {
    if (mapper.retry(claimed.id(), node, next, error) == 1) {
      mapper.insertAttempt(claimed.id(), clock.instant(), node, "FAILED", error);
    }
  }

  /**
   * One application as the upper platform reports it (the answer to a POST, or a poll): its status and deadlines
   * are kept; a final answer is passed to every request it carries, once; a later change of an upper grant is
   * mirrored. Repeats change nothing.
   */
  @Transactional
  void follow(UpperApplication application) {
    Forwarding row = mapper.findByUpperId(application.id());
    if (row == null) {
      return;
    }
    mapper.followed(row.id(), application.status().name(), application.changedAt(), deadlines(application));
    if (row.state() == ForwardingState.DELIVERED && application.status().isFinal()) {
      answered(row, application);
    } else if (row.state() == ForwardingState.ANSWERED) {
      mirrorGrantChanges(application);
    }
  }

  private void answered(Forwarding row, UpperApplication application) {
    UpperAnswer answer = application.answer();
    boolean approved = application.status() == UpperStatus.GRANTED && answer != null && answer.approved();
    String reason = answer != null && StringUtils.isNotBlank(answer.reason()) ? answer.reason()
        : application.statusLabel();
    if (mapper.answered(row.id(), approved, StringUtils.abbreviate(reason, MAX_TEXT),
        answer == null ? null : String.join(",", answer.scope()), answer == null ? null : answer.validUntil(),
        answer == null ? null : answer.decidedAt(), clock.instant()) != 1) {
      return;
    }
    audit.record(SYSTEM, "UPPER_ANSWER_RECEIVED", "UPPER_APPLICATION", String.valueOf(row.id()), AuditTrail.OK,
        application.reference() + "：" + application.status() + "，" + StringUtils.abbreviate(reason, 200));
    for (ForwardingMember member : mapper.members(row.id())) {
      grantFor(application, member.department()).ifPresent(grant -> mapper.memberGrant(member.requestId(),
          grant.grantId(), String.join(",", grant.scope()), grant.validUntil(), grant.status()));
      signal(member.requestId(), UpperRequests.ANSWER_WAIT);
    }
  }

  private void mirrorGrantChanges(UpperApplication application) {
    Forwarding row = mapper.findByUpperId(application.id());
    for (ForwardingMember member : mapper.members(row.id())) {
      Optional<UpperGrant> grant = grantFor(application, member.department());
      if (member.grantId() == null || grant.isEmpty() || grant.get().status().equals(member.grantStatus())) {
        continue;
      }
      grants.mirrorStatus(member.grantId(), mirrored(grant.get().status()),
          "上级平台授权状态：" + grant.get().status() + "（" + application.reference() + "）");
      mapper.memberGrant(member.requestId(), grant.get().grantId(), String.join(",", grant.get().scope()),
          grant.get().validUntil(), grant.get().status());
    }
  }

  /** R24, R14: the upper answer reached this platform; the applicant is told now, the grant mirrored. */
  void answerArrived(DelegateExecution execution) {
    ShareRequest request = requests.of(execution);
    ForwardingMember member = mapper.memberOf(request.id());
    Forwarding forwarding = member == null ? null : mapper.find(member.applicationId());
    if (forwarding == null || forwarding.state() != ForwardingState.ANSWERED) {
      throw new FormRejection("upper", "只有上级平台的答复可以办结此申请 (R24)");
    }
    if (Boolean.TRUE.equals(forwarding.approved()) && member.upperGrantId() != null) {
      Grant grant = requests.granted(request.id(), split(member.grantScope()), request.purpose(), member.grantUntil(),
          member.upperGrantId(), forwarding.upperReference());
      mapper.memberMirror(request.id(), grant.id());
      if (!"ACTIVE".equals(member.grantStatus()) && member.grantStatus() != null) {
        grants.mirrorStatus(grant.id(), mirrored(member.grantStatus()), "上级平台授权状态：" + member.grantStatus());
      }
    } else {
      String reason = Boolean.TRUE.equals(forwarding.approved()) ? "上级平台未为本部门授权"
          : StringUtils.defaultIfBlank(forwarding.answerReason(), "上级平台未说明理由");
      requests.refused(request.id(), reason, forwarding.upperReference());
    }
  }

  /** The waits move only when this platform's rows say so: delivered for acceptance, answered for the answer. */
  void waitEnds(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    ShareRequest request = requests.of(execution);
    ForwardingMember member = mapper.memberOf(request.id());
    Forwarding forwarding = member == null ? null : mapper.find(member.applicationId());
    ForwardingState state = forwarding == null ? null : forwarding.state();
    boolean allowed = UpperRequests.ACCEPTANCE_WAIT.equals(execution.getCurrentActivityId())
        ? state == ForwardingState.DELIVERED || state == ForwardingState.ANSWERED
        : state == ForwardingState.ANSWERED;
    if (!allowed) {
      throw new FormRejection("upper", "只有上级平台的受理和答复可以推进此环节 (R24)");
    }
  }

  /** Where the request stands upstream, for the applicant's page; null when it never went up. */
  UpperProgressView progress(long requestId) {
    ForwardingMember member = mapper.memberOf(requestId);
    if (member == null) {
      return null;
    }
    Forwarding f = mapper.find(member.applicationId());
    List<ForwardingMember> members = mapper.members(f.id());
    UpperStatus status = f.upperStatus() == null ? null : UpperStatus.valueOf(f.upperStatus());
    return new UpperProgressView("UA-" + f.id(), f.state(), f.state().label(), members.size() > 1,
        members.stream().map(m -> departments.nameOf(m.department())).toList(), f.gatherUntil(), f.attempts(),
        f.state() == ForwardingState.PENDING && f.attempts() > 0 ? f.nextAttemptAt() : null, f.lastError(),
        f.deliveredAt(), f.upperReference(), status, status == null ? null : status.label(), readDeadlines(f),
        f.answeredAt(), member.upperGrantId());
  }

  private void signal(long requestId, String activityId) {
    ShareRequest request = requests.find(requestId);
    Execution waiting = request.processInstanceId() == null ? null : runtime.createExecutionQuery()
        .processInstanceId(request.processInstanceId()).activityId(activityId).singleResult();
    if (waiting == null) {
      // the case was ended by hand (an administrator): nothing waits for the news; say so, never guess
      LOG.warn("share request {} has no execution waiting at {}", request.businessKey(), activityId);
      audit.record(SYSTEM, "UPPER_NEWS_UNDELIVERED", "SHARE_REQUEST", String.valueOf(requestId), AuditTrail.REJECTED,
          "流程未在 " + activityId + " 等待");
      return;
    }
    runtime.signal(waiting.getId());
  }

  private String deadlines(UpperApplication application) {
    try {
      String text = json.writeValueAsString(application.deadlines());
      return text.length() > 8000 ? null : text;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<UpperDeadline> readDeadlines(Forwarding forwarding) {
    if (forwarding.upperDeadlines() == null) {
      return List.of();
    }
    try {
      return json.readValue(forwarding.upperDeadlines(), DEADLINES);
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static Optional<UpperGrant> grantFor(UpperApplication application, String department) {
    return application.grants().stream()
        .filter(g -> g.department() != null && department.equals(g.department().code())).findFirst();
  }

  private static GrantStatus mirrored(String upperStatus) {
    return switch (String.valueOf(upperStatus)) {
      case "ACTIVE" -> GrantStatus.ACTIVE;
      case "SUSPENDED" -> GrantStatus.SUSPENDED;
      case "EXPIRED" -> GrantStatus.EXPIRED;
      default -> GrantStatus.TERMINATED;
    };
  }

  private Forwarding require(long id) {
    Forwarding forwarding = mapper.find(id);
    if (forwarding == null) {
      throw ApiException.notFound("上级平台转交申请不存在: UA-" + id);
    }
    return forwarding;
  }

  private static void requireOperator(Caller caller) {
    if (!caller.isPlatformOperator()) {
      throw ApiException.forbidden("只有共享平台管理单位可以汇总和转交上级平台申请 (R24)");
    }
  }

  static String canonicalFields(String requestedFields) {
    return String.join(",", split(requestedFields).stream().sorted().toList());
  }

  static List<String> split(String fields) {
    if (StringUtils.isBlank(fields)) {
      return List.of();
    }
    return new ArrayList<>(Arrays.stream(fields.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
  }
}
