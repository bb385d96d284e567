package cn.govshare.org;

import java.util.function.Predicate;

/**
 * What a user does on GovShare, derived from the groups (SPEC §4): the front door shows each user the pages
 * for these roles (issue 20).
 */
public enum Role {
  /** Any department member applies for other departments' data (R11). */
  APPLICANT("申请人员", caller -> caller.department() != null),
  /** Department members, the platform, the general office and the leading group work on tasks in Tasklist. */
  REVIEWER("审核办理人员", caller -> caller.department() != null || caller.isPlatformOperator()
      || caller.isGeneralOffice() || caller.isLeadingGroup()),
  /** R27, R29: breaches and statistics. */
  SUPERVISOR("监督人员", Caller::isSupervisor),
  ADMINISTRATOR("系统管理员", Caller::isAdmin);

  private final String label;
  private final Predicate<Caller> holds;

  Role(String label, Predicate<Caller> holds) {
    this.label = label;
    this.holds = holds;
  }

  public String label() {
    return label;
  }

  boolean heldBy(Caller caller) {
    return holds.test(caller);
  }
}
