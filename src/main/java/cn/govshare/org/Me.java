package cn.govshare.org;

import java.util.Arrays;
import java.util.List;

/** The signed-in user as the front door and the applicant page show it: name, department, roles (issue 20). */
public record Me(String userId, String name, String department, String departmentName, List<RoleView> roles) {

  /** A role with the Chinese name pages show. */
  public record RoleView(Role role, String label) {
  }

  static Me of(Caller caller, DepartmentService departments) {
    String departmentName = caller.department() == null ? null
        : departments.nameOf(caller.department());
    List<RoleView> roles = Arrays.stream(Role.values()).filter(role -> role.heldBy(caller))
        .map(role -> new RoleView(role, role.label())).toList();
    return new Me(caller.userId(), caller.name(), caller.department(), departmentName, roles);
  }
}
