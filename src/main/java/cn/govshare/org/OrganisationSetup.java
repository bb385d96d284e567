package cn.govshare.org;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the role groups of SPEC §4 with the Camunda authorizations each role needs and no
 * more, and registers departments. Idempotent: runs at every start, in every profile.
 */
@Component
public class OrganisationSetup implements SmartInitializingSingleton {

  /** The name Camunda gives the administrators' group it creates with the first administrator. */
  static final String CAMUNDA_ADMIN_GROUP_NAME = "camunda BPM Administrators";
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}+");
  private static final String ANY = Authorization.ANY;
  private static final String DEMO_MAIL_DOMAIN = "demo.govshare.cn";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final DepartmentService departments;

  OrganisationSetup(IdentityService identity, AuthorizationService authorizations, DepartmentService departments) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.departments = departments;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ensureRoleGroups();
    readableChineseNames();
    narrowOwnAccountGrants();
    narrowTaskGrants();
  }

  /**
   * Issue 18, class 5: Camunda gave every user ALL on its own user record (rename, delete). Users created since
   * get READ and UPDATE only ({@link IdentityChangePlugin}); this narrows the grants of earlier users alike.
   */
  void narrowOwnAccountGrants() {
    for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.USER)
        .hasPermission(Permissions.DELETE).list()) {
      if (grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId())) {
        grant.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE});
        authorizations.saveAuthorization(grant);
      }
    }
  }

  /**
   * Issue 18, class 2: a task's assignee and candidates get TASK_WORK (claim, complete) instead of UPDATE
   * (due date, assignee, candidates, variables): {@code default-user-permission-name-for-task} for new tasks,
   * this for the grants of tasks created before. Grants on every task (ANY) are left as the roles set them.
   */
  void narrowTaskGrants() {
    int page = 500;
    int kept = 0;
    List<Authorization> found;
    do {
      found = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).hasPermission(Permissions.UPDATE)
          .listPage(kept, page);
      for (Authorization grant : found) {
        if (ANY.equals(grant.getResourceId())) {
          kept++;  // stays in the result: the next page starts after it
          continue;
        }
        grant.removePermission(Permissions.UPDATE);
        grant.addPermission(TaskPermissions.TASK_WORK);
        authorizations.saveAuthorization(grant);
      }
    } while (found.size() == page);
  }

  void ensureRoleGroups() {
    Map<String, String> roles = Map.of(
        Groups.PLATFORM_OPERATORS, "共享平台管理单位",
        Groups.GENERAL_OFFICE, "办公厅（领导小组办公室）",
        Groups.LEADING_GROUP, "领导小组",
        Groups.SUPERVISORS, "监督",
        Groups.ADMIN, "系统管理员组");
    roles.forEach((id, name) -> ensureGroup(id, name));
    for (String group : List.of(Groups.PLATFORM_OPERATORS, Groups.GENERAL_OFFICE, Groups.LEADING_GROUP)) {
      grantWorker(group);
    }
    // Supervisors read everything and watch breaches in Cockpit; they change nothing.
    grantWorker(Groups.SUPERVISORS);
    grant(Groups.SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.SUPERVISORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY, Permissions.READ_TASK);
    grant(Groups.SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(Groups.SUPERVISORS, Resources.TASK, ANY, Permissions.READ);
    grant(Groups.SUPERVISORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  /** Registers a department: its row, its group and its head group (R31), with Tasklist access. */
  @Transactional
  public void ensureDepartment(Department department) {
    if (departments.find(department.code()).isEmpty()) {
      departments.insert(department);
    }
    ensureGroup(department.code(), department.name());
    ensureGroup(Groups.head(department.code()), department.name() + "负责人");
    grantWorker(department.code());
    grantWorker(Groups.head(department.code()));
  }

  /** Creates a user if missing and adds the memberships it lacks. */
  public void ensureUser(String id, String lastName, String firstName, String password, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      // Chinese names read family name first; Camunda shows "first last", so the whole name goes first
      user.setFirstName(lastName + firstName);
      user.setLastName("");
      user.setPassword(password);
      user.setEmail(demoEmail(id));
      identity.saveUser(user);
    } else {
      giveDemoEmail(id);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }

  /** Issue 23: demo users receive mail at {@code <user id>@demo.govshare.cn}. */
  static String demoEmail(String userId) {
    return userId + "@" + DEMO_MAIL_DOMAIN;
  }

  /** A demo user created before issue 23 had a placeholder address that no mail server accepts. */
  private void giveDemoEmail(String id) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user.getEmail() == null || user.getEmail().endsWith("@govshare.example")) {
      user.setEmail(demoEmail(id));
      identity.saveUser(user);
    }
  }

  public void ensureGroup(String id, String name) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    } else if (CAMUNDA_ADMIN_GROUP_NAME.equals(group.getName())) {
      group.setName(name);
      identity.saveGroup(group);
    }
  }

  /**
   * Camunda shows a user as "first last" and creates the first administrator from {@code camunda.bpm.admin-user}
   * with both names (管理员 + 系统 read "管理员 系统"). A Chinese name is read family name first and without a
   * space: a user whose two names are both Chinese gets the whole name as first name, as {@link #ensureUser} does.
   */
  void readableChineseNames() {
    for (User user : identity.createUserQuery().memberOfGroup(Groups.ADMIN).list()) {
      String first = user.getFirstName();
      String last = user.getLastName();
      if (first != null && last != null && CHINESE.matcher(first).matches() && CHINESE.matcher(last).matches()) {
        user.setFirstName(last + first);
        user.setLastName("");
        identity.saveUser(user);
      }
    }
  }

  /**
   * What every task worker needs: Tasklist, and reading process definitions for forms and names.
   * Tasks themselves are visible only through the task's candidate group (Camunda grants that per task).
   */
  private void grantWorker(String group) {
    grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed || authorization.getId() == null) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
