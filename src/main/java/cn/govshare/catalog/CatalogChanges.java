package cn.govshare.catalog;

import cn.govshare.FormRejection;
import cn.govshare.audit.AuditTrail;
import cn.govshare.clock.Zones;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.org.Groups;
import cn.govshare.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing, changing and retiring entries through the platform (R7, nanchang 9): every submission is
 * reviewed in {@code catalog-review}; when departments hold grants on a published entry they are told at
 * once and the change takes effect on a date at least the notice period ahead, by a timer, not before.
 */
@Service
public class CatalogChanges {

  static final String PROCESS = "catalog-review";
  static final String CATEGORY = "CATALOG_CHANGE";
  static final int MAX_YEARS_AHEAD = 5;

  private final CatalogMapper mapper;
  private final CatalogService catalog;
  private final UpdateObligations obligations;
  private final NoticePeriod notice;
  private final ObjectProvider<GrantHolders> grantHolders;
  private final DepartmentService departments;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final RuntimeService runtime;
  private final Clock clock;

  CatalogChanges(CatalogMapper mapper, CatalogService catalog, UpdateObligations obligations, NoticePeriod notice,
      ObjectProvider<GrantHolders> grantHolders, DepartmentService departments, Notifications notifications,
      AuditTrail audit, RuntimeService runtime, Clock clock) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.obligations = obligations;
    this.notice = notice;
    this.grantHolders = grantHolders;
    this.departments = departments;
    this.notifications = notifications;
    this.audit = audit;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Submits a DRAFT for first publication, or the pending revision of a PUBLISHED entry. */
  @Transactional
  public CatalogChange publish(String code, SubmitInput input, Caller caller) {
    CatalogResource current = writable(code, caller);
    ChangeKind kind;
    if (current.status() == ResourceStatus.DRAFT) {
      kind = ChangeKind.PUBLISH;
    } else if (mapper.findResource(code, CatalogMapper.PENDING) != null) {
      kind = ChangeKind.CHANGE;
    } else {
      throw ApiException.conflict("code", "目录已发布，且没有待发布的修改: " + code);
    }
    return submit(current, kind, input, caller);
  }

  /** Retires a PUBLISHED entry through the platform; a never-published DRAFT is retired at once. */
  @Transactional
  public CatalogChange retire(String code, SubmitInput input, Caller caller) {
    CatalogResource current = writable(code, caller);
    if (current.status() == ResourceStatus.DRAFT) {
      catalog.remove(code, CatalogMapper.PENDING);
      mapper.updateStatus(code, CatalogMapper.CURRENT, ResourceStatus.RETIRED, current.version(), now(),
          caller.userId());
      audit.record(caller, "CATALOG_RETIRE", CatalogService.OBJECT_TYPE, code, AuditTrail.OK,
          "删除未发布的目录草稿", Set.of(current.responsibleDepartment()));
      return null;
    }
    return submit(current, ChangeKind.RETIRE, input, caller);
  }

  private CatalogResource writable(String code, Caller caller) {
    CatalogResource current = catalog.find(code).orElseThrow(() -> ApiException.notFound("目录不存在: " + code));
    CatalogAccess.requireManage(caller, current.responsibleDepartment());
    if (current.status() == ResourceStatus.RETIRED) {
      throw ApiException.conflict("code", "目录已删除: " + code);
    }
    if (mapper.countOpenChanges(code) > 0) {
      throw ApiException.conflict("code", "目录已有审核中或待生效的变更: " + code);
    }
    return current;
  }

  private CatalogChange submit(CatalogResource current, ChangeKind kind, SubmitInput input, Caller caller) {
    SubmitInput submit = input == null ? SubmitInput.NONE : input;
    String code = current.code();
    Set<String> holders = kind == ChangeKind.PUBLISH ? Set.of() : holders(code);
    Instant effectiveAt = effectiveAt(submit.effectiveDate(), holders);
    UpdateObligation obligation = submit.obligationId() == null ? null
        : obligations.openFor(submit.obligationId(), current.responsibleDepartment());
    String holderList = holders.isEmpty() ? null : String.join(",", holders);
    GeneratedKey key = new GeneratedKey();
    mapper.insertChange(new CatalogChange(null, code, kind, ChangeState.IN_REVIEW, caller.userId(), now(),
        effectiveAt, holderList, submit.obligationId(), null, null, null, null, null), key);
    long id = key.getId();
    String name = kind == ChangeKind.CHANGE ? mapper.findResource(code, CatalogMapper.PENDING).name() : current.name();
    // R7, nanchang 9: users with access are told ahead, at the moment the change is submitted.
    for (String holder : holders) {
      notifications.notifyGroup(holder, CATEGORY, "目录" + kind.label() + "预告：" + code + " " + current.name(),
          "责任部门拟" + kind.label() + "目录「" + current.name() + "」，经共享平台审核通过后于 "
              + effectiveText(effectiveAt) + " 生效（" + notice.citation() + "）。",
          CatalogService.OBJECT_TYPE, code);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("changeId", id);
    variables.put("resourceCode", code);
    variables.put("resourceName", name);
    variables.put("responsibleDepartment", current.responsibleDepartment());
    variables.put("departmentName", departments.nameOf(current.responsibleDepartment()));
    variables.put("changeKind", kind.name());
    variables.put("changeKindLabel", kind.label());
    variables.put("effectiveAt", effectiveAt == null ? null : Date.from(effectiveAt));
    variables.put("effectiveDate", effectiveText(effectiveAt));
    variables.put("grantHolders", holderList == null ? "无" : holderList);
    variables.put("requestedBy", caller.userId());
    String processInstanceId = runtime.startProcessInstanceByKey(PROCESS, code + "#" + id, variables).getId();
    mapper.setChangeProcess(id, processInstanceId);
    if (obligation != null) {
      obligations.fulfil(obligation, code, caller);
    }
    audit.record(caller, "CATALOG_SUBMIT_" + kind.name(), CatalogService.OBJECT_TYPE, code, AuditTrail.OK,
        "提交共享平台审核（" + kind.label() + "），生效：" + effectiveText(effectiveAt)
            + (holderList == null ? "" : "，已告知：" + holderList),
        concerns(current.responsibleDepartment(), holderList));
    return mapper.findChange(id);
  }

  /** R7: with grant holders, the effective date lies at least the profile's notice period ahead. */
  private Instant effectiveAt(LocalDate effectiveDate, Set<String> holders) {
    LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
    int months = notice.months();
    if (!holders.isEmpty() && months > 0) {
      LocalDate earliest = today.plusMonths(months);
      if (effectiveDate == null || effectiveDate.isBefore(earliest)) {
        throw ApiException.badRequest("effectiveDate", "R7", "已有 " + holders.size() + " 个部门获得该资源的共享授权，"
            + "变更或删除须至少提前 " + months + " 个月告知，生效日期不得早于 " + earliest + "（R7，" + notice.citation() + "）");
      }
    }
    if (effectiveDate != null && !effectiveDate.isAfter(today)) {
      throw ApiException.badRequest("effectiveDate", "生效日期须晚于今天（" + today + "）");
    }
    if (effectiveDate != null && effectiveDate.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
      throw ApiException.badRequest("effectiveDate", "生效日期不得晚于 " + today.plusYears(MAX_YEARS_AHEAD));
    }
    return effectiveDate == null ? null : effectiveDate.atStartOfDay(Zones.SHANGHAI).toInstant();
  }

  private Set<String> holders(String code) {
    return grantHolders.orderedStream().flatMap(h -> h.activeHolders(code).stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The platform approved: the change waits for its effective date, or takes effect now. */
  @Transactional
  public void approve(long changeId, String reviewer, String comment) {
    CatalogChange change = open(changeId);
    mapper.reviewChange(changeId, ChangeState.SCHEDULED, reviewer, now(), comment);
    audit.record(reviewer, "CATALOG_REVIEW_APPROVED", CatalogService.OBJECT_TYPE, change.resourceCode(),
        AuditTrail.OK, change.kind().label() + "审核通过，生效：" + effectiveText(change.effectiveAt()));
  }

  /** The platform rejected: the entry stays as it was, the draft keeps the comment for the department. */
  @Transactional
  public void reject(long changeId, String reviewer, String comment) {
    CatalogChange change = open(changeId);
    mapper.reviewChange(changeId, ChangeState.REJECTED, reviewer, now(), comment);
    CatalogResource current = catalog.find(change.resourceCode()).orElseThrow();
    notifications.notifyGroup(current.responsibleDepartment(), CATEGORY,
        "目录" + change.kind().label() + "未通过审核：" + current.code(), "审核意见：" + comment,
        CatalogService.OBJECT_TYPE, current.code());
    for (String holder : split(change.notifiedHolders())) {
      notifications.notifyGroup(holder, CATEGORY, "目录" + change.kind().label() + "取消：" + current.code(),
          "此前预告的目录「" + current.name() + "」" + change.kind().label() + "未通过共享平台审核，目录保持不变。",
          CatalogService.OBJECT_TYPE, current.code());
    }
    audit.record(reviewer, "CATALOG_REVIEW_REJECTED", CatalogService.OBJECT_TYPE, change.resourceCode(),
        AuditTrail.OK, change.kind().label() + "审核未通过：" + comment);
  }

  /** The effective date came (or none was needed): the change takes effect, version + 1. */
  @Transactional
  public void apply(long changeId) {
    CatalogChange change = mapper.findChange(changeId);
    if (change == null || change.state() != ChangeState.SCHEDULED) {
      throw new ProcessEngineException("目录变更 " + changeId + " 不处于待生效状态");
    }
    String code = change.resourceCode();
    CatalogResource current = catalog.find(code).orElseThrow();
    Instant at = now();
    String by = change.reviewedBy();
    switch (change.kind()) {
      case PUBLISH -> mapper.updateStatus(code, CatalogMapper.CURRENT, ResourceStatus.PUBLISHED,
          current.version() + 1, at, by);
      case RETIRE -> {
        catalog.remove(code, CatalogMapper.PENDING);
        mapper.updateStatus(code, CatalogMapper.CURRENT, ResourceStatus.RETIRED, current.version() + 1, at, by);
      }
      case CHANGE -> {
        CatalogResource pending = mapper.findResource(code, CatalogMapper.PENDING);
        catalog.remove(code, CatalogMapper.CURRENT);
        catalog.remove(code, CatalogMapper.PENDING);
        catalog.store(pending.with(ResourceStatus.PUBLISHED, current.version() + 1, at, by), CatalogMapper.CURRENT);
      }
    }
    mapper.markApplied(changeId, at);
    notifications.notifyGroup(current.responsibleDepartment(), CATEGORY,
        "目录" + change.kind().label() + "已生效：" + code, "目录「" + current.name() + "」" + change.kind().label()
            + "已生效。", CatalogService.OBJECT_TYPE, code);
    for (String holder : split(change.notifiedHolders())) {
      notifications.notifyGroup(holder, CATEGORY, "目录" + change.kind().label() + "已生效：" + code,
          "目录「" + current.name() + "」" + change.kind().label() + "已于 " + effectiveText(change.effectiveAt())
              + " 生效。", CatalogService.OBJECT_TYPE, code);
    }
    audit.record(by, "CATALOG_" + change.kind().name() + "_APPLIED", CatalogService.OBJECT_TYPE, code, AuditTrail.OK,
        change.kind().label() + "生效，版本 " + (current.version() + 1));
  }

  /**
   * The review form's rule, checked when the task completes (Tasklist lets whitespace through):
   * a decision is required, and a rejection states its reasons. Returns the decision as a Boolean.
   */
  static boolean reviewDecision(Object approved, Object comment) {
    Boolean decision = approved instanceof Boolean b ? b
        : approved instanceof String s && (s.equals("true") || s.equals("false")) ? Boolean.valueOf(s) : null;
    if (decision == null) {
      throw new FormRejection("catalogApproved", "请选择是否同意");
    }
    if (!decision && (comment == null || comment.toString().isBlank())) {
      throw new FormRejection("reviewComment", "退回时须填写审核意见");
    }
    return decision;
  }

  private CatalogChange open(long changeId) {
    CatalogChange change = mapper.findChange(changeId);
    if (change == null || change.state() != ChangeState.IN_REVIEW) {
      throw new ProcessEngineException("目录变更 " + changeId + " 不在审核中");
    }
    return change;
  }

  private static Set<String> concerns(String department, String holders) {
    Set<String> concerns = new TreeSet<>(split(holders));
    concerns.add(department);
    concerns.remove(Groups.PLATFORM_OPERATORS);
    return concerns;
  }

  private static Set<String> split(String list) {
    return list == null ? Set.of() : new TreeSet<>(Arrays.asList(list.split(",")));
  }

  private static String effectiveText(Instant effectiveAt) {
    return effectiveAt == null ? "审核通过后立即" : effectiveAt.atZone(Zones.SHANGHAI).toLocalDate().toString();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
