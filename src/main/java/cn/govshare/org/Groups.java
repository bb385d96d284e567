package cn.govshare.org;

/** The role groups of SPEC §4; departments are groups named by their code. */
public final class Groups {

  public static final String PLATFORM_OPERATORS = "platform-operators";
  public static final String GENERAL_OFFICE = "general-office";
  public static final String LEADING_GROUP = "leading-group";
  public static final String SUPERVISORS = "supervisors";
  public static final String ADMIN = "camunda-admin";

  private Groups() {
  }

  /** The department head group (负责人), who approves extensions. */
  public static String head(String department) {
    return department + "-head";
  }
}
