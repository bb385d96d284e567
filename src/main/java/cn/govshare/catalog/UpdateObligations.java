package cn.govshare.catalog;

import cn.govshare.FormRejection;
import cn.govshare.audit.AuditTrail;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R6 (jinan 8, shaoyang 11): after a law is revised or a department's duties change, the platform
 * opens an obligation; {@code catalog-update} gives the department the task {@code updateCatalog}, due
 * per the profile. The task is completed by the department submitting an updated entry of its own to
 * the platform ({@code POST /api/catalog/resources/{code}/publish} with {@code obligationId}).
 */
@Service
public class UpdateObligations {

  static final String PROCESS = "catalog-update";
  static final String TASK = "updateCatalog";
  static final String UPDATED_RESOURCE = "updatedResourceCode";

  private final CatalogMapper mapper;
  private final DepartmentService departments;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Clock clock;
  private final UpdateExtensions extensions;

  UpdateObligations(CatalogMapper mapper, DepartmentService departments, RuntimeService runtime, TaskService tasks,
      Notifications notifications, AuditTrail audit, Clock clock, UpdateExtensions extensions) {
    this.extensions = extensions;
    this.mapper = mapper;
    this.departments = departments;
    this.runtime = runtime;
    this.tasks = tasks;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  UpdateObligation open(String department, String legalChange, Caller caller) {
    if (!caller.isPlatformOperator()) {
      throw ApiException.forbidden("只有共享平台管理单位可以下达目录更新任务");
    }
    String dept = CatalogRules.text("department", department, 32, true);
    if (departments.find(dept).isEmpty()) {
      throw ApiException.badRequest("department", "部门不存在: " + dept);
    }
    String change = CatalogRules.text("legalChange", legalChange, CatalogRules.MAX_TEXT, true);
    GeneratedKey key = new GeneratedKey();
    Instant created = now();
    mapper.insertObligation(new UpdateObligation(null, dept, change, UpdateObligation.OPEN, caller.userId(), created,
        null, null, null), key);
    long id = key.getId();
    // R6 counts from the obligation; a task re-created after an extension decision keeps that start
    String processInstanceId = runtime.startProcessInstanceByKey(PROCESS, CatalogCases.BUSINESS_KEY_PREFIX + id,
        Map.of("obligationId", id, "legalChange", change, "departmentName", departments.find(dept).get().name(),
            TASK + "ReceivedAt", Date.from(created), UpdateExtensions.MAX, extensions.allowed())).getId();
    mapper.setObligationProcess(id, processInstanceId);
    notifications.notifyGroup(dept, "CATALOG_UPDATE", "目录更新任务：法律法规修订或职能变化",
        change + "。请在规定期限内更新本部门政务信息资源目录（R6）。", "CATALOG_OBLIGATION", String.valueOf(id));
    audit.record(caller, "CATALOG_OBLIGATION_OPEN", "CATALOG_OBLIGATION", String.valueOf(id), AuditTrail.OK, change,
        Set.of(dept));
    return mapper.findObligation(id);
  }

  UpdateObligation get(long id, Caller caller) {
    UpdateObligation obligation = mapper.findObligation(id);
    if (obligation == null || !(caller.isMember(obligation.department()) || caller.readsEverything())) {
      throw ApiException.notFound("目录更新任务不存在: " + id);
    }
    return obligation;
  }

  /** The open obligation of that department, or a 400 on {@code obligationId}. */
  UpdateObligation openFor(long id, String department) {
    UpdateObligation obligation = mapper.findObligation(id);
    if (obligation == null || !obligation.department().equals(department)) {
      throw ApiException.badRequest("obligationId", "R6", "该目录更新任务不属于目录的责任部门（R6）: " + id);
    }
    if (!UpdateObligation.OPEN.equals(obligation.state())) {
      throw ApiException.badRequest("obligationId", "R6", "该目录更新任务已完成（R6）: " + id);
    }
    return obligation;
  }

  /** The department submitted an updated entry: the obligation is met and its task completed. */
  void fulfil(UpdateObligation obligation, String resourceCode, Caller caller) {
    mapper.fulfilObligation(obligation.id(), resourceCode, now());
    Task task = tasks.createTaskQuery().processInstanceId(obligation.processInstanceId())
        .taskDefinitionKey(TASK).singleResult();
    if (task != null) {
      tasks.setAssignee(task.getId(), caller.userId());
      tasks.complete(task.getId(), Map.of(UPDATED_RESOURCE, resourceCode, UpdateExtensions.REQUESTED, false));
    }
    audit.record(caller, "CATALOG_OBLIGATION_FULFILLED", "CATALOG_OBLIGATION", String.valueOf(obligation.id()),
        AuditTrail.OK, "已提交更新后的目录 " + resourceCode, Set.of(obligation.department()));
  }

  /** {@code updateCatalog} completes only through a submitted entry, never by a bare Tasklist click. */
  static void requireSubmittedEntry(Object updatedResourceCode) {
    if (updatedResourceCode == null || updatedResourceCode.toString().isBlank()) {
      throw new FormRejection(UPDATED_RESOURCE, "请通过目录接口提交更新后的目录条目（发布时注明 obligationId），任务将自动完成");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
