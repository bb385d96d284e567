package cn.govshare.catalog;

import static cn.govshare.catalog.ShareType.CONDITIONAL;
import static cn.govshare.catalog.ShareType.UNCONDITIONAL;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provincial demo catalogue (profile {@code demo-province}, never {@code prod}): what a city platform sees
 * as upper-level resources (R24). Codes start with SJ- (省级) so they never meet a city demo code.
 */
@Component
@Profile("demo-province & !prod")
class DemoProvinceCatalog implements SmartInitializingSingleton {

  private static final String USAGE = "仅用于申请部门依法履行职责，限于授权范围和有效期使用；不得提供给第三方；"
      + "调用记录留存备查（R20、R26）。";

  private final CatalogService catalog;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DemoProvinceCatalog(CatalogService catalog, TransactionTemplate transaction, Clock clock) {
    this.catalog = catalog;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    DemoCatalog.publish(catalog, transaction, clock, entries());
  }

  static List<ResourceInput> entries() {
    return List.of(
        new ResourceInput("SJ-001", "全省社会保险参保信息", Classification.DEPARTMENT, null, "srst", "数据库表",
            UpdateCycle.MONTHLY, CONDITIONAL,
            "限于社会救助对象核查、住房保障资格审核等法定职责，按个人逐条核验；缴费基数仅在确有必要时提供。",
            "《中华人民共和国社会保险法》第七十四条、第八十一条；《中华人民共和国个人信息保护法》第三十四条",
            USAGE, false, false, false, null,
            DemoCatalog.items(null, false, "公民身份号码", "姓名", "参保险种", "参保状态", "参保地", "缴费基数"),
            List.of(new ShareMode(ShareModeType.SERVICE_API, Delivery.ONLINE_QUERY,
                "全省参保核验接口：按公民身份号码和姓名返回各险种在全省的参保状态",
                "HTTPS POST，JSON 报文，经省共享平台服务网关调用，携带授权编号"))),
        new ResourceInput("SJ-002", "全省出入境证件信息", Classification.DEPARTMENT, null, "sgat", "数据库表",
            UpdateCycle.DAILY, CONDITIONAL,
            "限于人才引进、出入境相关资格审核等法定职责，按个人逐条查询，不得批量导出。",
            "《中华人民共和国出境入境管理法》第八十五条；《中华人民共和国个人信息保护法》第三十四条",
            USAGE, false, false, false, null,
            DemoCatalog.items(null, false, "公民身份号码", "姓名", "证件类型", "证件号码", "签发日期", "有效期至"),
            List.of(new ShareMode(ShareModeType.SERVICE_API, Delivery.ONLINE_QUERY,
                "出入境证件查询接口：按公民身份号码返回有效证件信息",
                "HTTPS POST，JSON 报文，经省共享平台服务网关调用，每次调用须携带授权编号"))),
        new ResourceInput("SJ-003", "全省社会组织登记信息", Classification.DEPARTMENT, null, "smzt", "数据库表",
            UpdateCycle.DAILY, UNCONDITIONAL, null,
            "《社会团体登记管理条例》第二十九条；《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第九条",
            USAGE, true, false, false, null,
            DemoCatalog.items(UNCONDITIONAL, false, "统一社会信用代码", "组织名称", "登记类型", "业务主管单位", "登记日期"),
            List.of(new ShareMode(ShareModeType.TABLE, Delivery.FRONT_END_PROCESSOR, null, null))));
  }
}
