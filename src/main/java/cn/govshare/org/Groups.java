package cn.govshare.org;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** The role groups of SPEC §4; departments are groups named by their code. */
public final class Groups {

  public static final String PLATFORM_OPERATORS = "platform-operators";
  public static final String GENERAL_OFFICE = "general-office";
  public static final String LEADING_GROUP = "leading-group";
  public static final String SUPERVISORS = "supervisors";
  public static final String ADMIN = "camunda-admin";
  /** Citizens and companies of the open-data portal (R25): /api/public only, never the web apps or /engine-rest. */
  public static final String PUBLIC_APPLICANTS = "public-applicants";
  /** Every public account id starts so; no department, role group or government user may. */
  public static final String PUBLIC_PREFIX = "pub-";
  private static final String HEAD_SUFFIX = "-head";

  private Groups() {
  }

  /** The department head group (负责人), who approves extensions. */
  public static String head(String department) {
    return department + HEAD_SUFFIX;
  }

  /** The department a group stands for: a head group's department, else the group itself. */
  public static String departmentOf(String group) {
    return group.endsWith(HEAD_SUFFIX) ? group.substring(0, group.length() - HEAD_SUFFIX.length()) : group;
  }

  /** The candidate groups of a task, sorted. */
  public static List<String> candidateGroups(DelegateTask task) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    groups.sort(null);
    return groups;
  }
}
