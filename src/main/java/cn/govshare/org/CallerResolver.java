package cn.govshare.org;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Turns an authenticated user id into a {@link Caller}: real name, groups and department. */
@Component
public class CallerResolver {

  private final IdentityService identity;
  private final DepartmentService departments;

  CallerResolver(IdentityService identity, DepartmentService departments) {
    this.identity = identity;
    this.departments = departments;
  }

  /** The user the engine runs the current command for (Tasklist, /engine-rest), or null for the system. */
  public Caller engineActor() {
    var authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? null : resolve(authentication.getUserId());
  }

  public Caller resolve(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    String name = user == null ? userId
        : String.join("", nullToEmpty(user.getLastName()), nullToEmpty(user.getFirstName()));
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    String department = groups.stream().filter(g -> departments.find(g).isPresent()).sorted().findFirst().orElse(null);
    return new Caller(userId, name.isBlank() ? userId : name, department, groups);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
