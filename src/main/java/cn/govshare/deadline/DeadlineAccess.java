package cn.govshare.deadline;

import cn.govshare.org.Caller;
import cn.govshare.ApiException;

/** Who reads which department's deadlines and statistics. */
final class DeadlineAccess {

  private DeadlineAccess() {
  }

  /**
   * The department a query is limited to: the one asked for (null = all) for readers of everything,
   * the caller's own for a department; another department's records are refused.
   */
  static String scope(Caller caller, String requested) {
    if (caller.readsEverything() || caller.isGeneralOffice() || caller.isLeadingGroup()) {
      return requested;
    }
    if (caller.department() == null) {
      throw ApiException.forbidden("无部门的用户不能查看时限记录");
    }
    if (requested != null && !requested.equals(caller.department())) {
      throw ApiException.forbidden("只能查看本部门的时限记录 (dept=" + requested + ")");
    }
    return caller.department();
  }
}
