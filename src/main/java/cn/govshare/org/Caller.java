package cn.govshare.org;

import java.util.Set;

/**
 * The real-name user behind an API call (R26), with the department the user belongs to
 * ({@code null} for users outside any department, such as the administrator or the leading group).
 */
public record Caller(String userId, String name, String department, Set<String> groups) {

  public Caller {
    groups = Set.copyOf(groups);
  }

  public boolean isMember(String group) {
    return groups.contains(group);
  }

  public boolean isAdmin() {
    return isMember(Groups.ADMIN);
  }

  public boolean isSupervisor() {
    return isMember(Groups.SUPERVISORS);
  }

  /** A citizen or company of the open-data portal (R25), never a government user. */
  public boolean isPublicApplicant() {
    return isMember(Groups.PUBLIC_APPLICANTS);
  }

  public boolean isPlatformOperator() {
    return isMember(Groups.PLATFORM_OPERATORS);
  }

  public boolean isGeneralOffice() {
    return isMember(Groups.GENERAL_OFFICE);
  }

  public boolean isLeadingGroup() {
    return isMember(Groups.LEADING_GROUP);
  }

  /** Supervisors, the platform and administrators may read every department's records. */
  public boolean readsEverything() {
    return isSupervisor() || isPlatformOperator() || isAdmin();
  }

  public boolean belongsTo(String departmentCode) {
    return departmentCode != null && departmentCode.equals(department);
  }
}
