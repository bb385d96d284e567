package cn.govshare.statistics;

import cn.govshare.ApiException;
import cn.govshare.org.Caller;

/**
 * Who sees which R27 figures: supervisors and the general office all; a department its own calls (as user or
 * provider) and its own resources; nobody else.
 */
final class StatisticsAccess {

  private StatisticsAccess() {
  }

  /** The department the caller is limited to, or null for all. */
  static String scope(Caller caller) {
    if (caller.isSupervisor() || caller.isGeneralOffice()) {
      return null;
    }
    if (caller.department() == null) {
      throw ApiException.forbidden("只有各部门、监督人员和办公厅可以查看共享统计");
    }
    return caller.department();
  }

  /** The {@code dept} filter a caller may ask for: any for supervisors and the office, else only the own. */
  static String department(Caller caller, String requested) {
    String scope = scope(caller);
    if (scope != null && requested != null && !scope.equals(requested)) {
      throw ApiException.forbidden("只能查看本部门的数据调用统计");
    }
    return requested == null ? scope : requested;
  }
}
