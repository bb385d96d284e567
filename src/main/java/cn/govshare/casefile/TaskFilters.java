package cn.govshare.casefile;

import cn.govshare.org.Groups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters (issue 20), created at every start and kept as shipped (found by name, never duplicated):
 * every filter shows the case number, the requesting department and the resource of each task
 * ({@link CaseListColumns}). Everybody gets 全部任务, 我的待办 and 待认领; the general office, the leading group
 * and the platform get their own step. Filters are queries: a user sees only the tasks Camunda lets them see.
 */
@Component
class TaskFilters implements SmartInitializingSingleton {

  static final String ALL = "全部任务";
  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", CaseListColumns.NUMBER, "label", "编号"),
      Map.of("name", CaseListColumns.REQUESTER, "label", "申请部门"),
      Map.of("name", CaseListColumns.RESOURCE, "label", "资源"));

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ensure(ALL, "我有权处理的全部任务", -10, tasks.createTaskQuery(), null);
    ensure("我的待办", "已认领、由我办理的任务", -9, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        null);
    ensure("待认领", "本部门尚未认领的任务：打开即认领", -8,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(), null);
    ensure("规范性审查", "共享平台：待审查的共享申请", 0, tasks.createTaskQuery().taskDefinitionKey("normativeCheck"),
        Groups.PLATFORM_OPERATORS);
    ensure("争议协调", "办公厅：待协调的争议", 0, tasks.createTaskQuery().taskDefinitionKey("officeCoordination"),
        Groups.GENERAL_OFFICE);
    ensure("争议决定", "领导小组：待决定的争议", 0, tasks.createTaskQuery().taskDefinitionKey("leadingGroupDecision"),
        Groups.LEADING_GROUP);
  }

  /** Creates the filter or puts back its query and properties; READ for everyone, or for one group. */
  private void ensure(String name, String description, int priority, TaskQuery query, String group) {
    Filter filter = filters.createFilterQuery().filterName(name).list().stream().findFirst()
        .orElseGet(() -> filters.newTaskFilter(name));
    boolean created = filter.getId() == null;
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", COLUMNS);
    filter.setQuery(query);
    filter.setProperties(properties);
    filters.saveFilter(filter);
    if (!created) {
      return;
    }
    Authorization read = authorizations.createNewAuthorization(
        group == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
    if (group == null) {
      read.setUserId(Authorization.ANY);
    } else {
      read.setGroupId(group);
    }
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }
}
