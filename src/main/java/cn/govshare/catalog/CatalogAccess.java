package cn.govshare.catalog;

import cn.govshare.org.Caller;
import cn.govshare.ApiException;

/** Who may write an entry: members of its responsible department and the platform operators. */
final class CatalogAccess {

  private CatalogAccess() {
  }

  static boolean canManage(Caller caller, String department) {
    return caller.isPlatformOperator() || caller.isMember(department);
  }

  static void requireManage(Caller caller, String department) {
    if (!canManage(caller, department)) {
      throw ApiException.forbidden("只有责任部门（" + department + "）成员或共享平台管理单位可以维护该目录");
    }
  }

  /** Drafts are visible to those who may write them, and to those who read everything. */
  static boolean seesDrafts(Caller caller, String department) {
    return canManage(caller, department) || caller.readsEverything();
  }
}
