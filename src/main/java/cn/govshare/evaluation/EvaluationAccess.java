package cn.govshare.evaluation;

import cn.govshare.ApiException;
import cn.govshare.org.Caller;

/**
 * Who sees a year's evaluation (issue 22): supervisors and the general office all of it; a department its own row,
 * and every row once the year is published (read-only); nobody else.
 */
final class EvaluationAccess {

  private EvaluationAccess() {
  }

  static boolean seesAll(Caller caller) {
    return caller.isSupervisor() || caller.isGeneralOffice();
  }

  /** Throws 403 for callers who see nothing of evaluations. */
  static void requireReader(Caller caller) {
    if (!seesAll(caller) && caller.department() == null) {
      throw ApiException.forbidden("只有各部门、监督人员和办公厅可以查看年度评估");
    }
  }

  static boolean seesRow(Caller caller, String department, boolean published) {
    return seesAll(caller) || caller.belongsTo(department) || (published && caller.department() != null);
  }

  static boolean seesReportText(Caller caller, String department) {
    return seesAll(caller) || caller.belongsTo(department);
  }
}
