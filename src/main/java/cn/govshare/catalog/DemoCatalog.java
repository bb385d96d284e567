package cn.govshare.catalog;

import static cn.govshare.catalog.ShareType.CONDITIONAL;
import static cn.govshare.catalog.ShareType.NOT_SHARED;
import static cn.govshare.catalog.ShareType.UNCONDITIONAL;

import cn.govshare.catalog.ResourceInput.ItemInput;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo catalogue of SPEC §4, PUBLISHED at version 1 (profile {@code demo}, never {@code prod}).
 * Each entry passes the same rules as one entered by a department; entries already present are left alone.
 */
@Component
@Profile("demo & !prod")
class DemoCatalog implements SmartInitializingSingleton {

  static final String LOADER = "system";
  private static final String PIPL_34 = "《中华人民共和国个人信息保护法》第三十四条";
  private static final String USAGE = "仅用于本部门依法履行职责，限于授权范围使用；不得提供给第三方，"
      + "未经提供部门同意不得公开；调用记录留存备查（R20、R26）。";

  private final CatalogService catalog;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DemoCatalog(CatalogService catalog, TransactionTemplate transaction, Clock clock) {
    this.catalog = catalog;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    publish(catalog, transaction, clock, entries());
  }

  /** Stores each entry not yet present, PUBLISHED at version 1 (also the provincial demo, {@link DemoProvinceCatalog}). */
  static void publish(CatalogService catalog, TransactionTemplate transaction, Clock clock,
      List<ResourceInput> inputs) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    for (ResourceInput input : inputs) {
      if (catalog.find(input.code()).isEmpty()) {
        CatalogResource entry = CatalogRules.entry(input.code(), input, 1, at, LOADER)
            .with(ResourceStatus.PUBLISHED, 1, at, LOADER);
        transaction.executeWithoutResult(status -> catalog.store(entry, CatalogMapper.CURRENT));
      }
    }
  }

  static List<ResourceInput> entries() {
    return List.of(
        new ResourceInput("RK-001", "人口基础信息", Classification.BASIC, BasicKind.POPULATION, "gaj", "数据库表",
            UpdateCycle.REAL_TIME, UNCONDITIONAL, null,
            "《中华人民共和国居民身份证法》；《中华人民共和国户口登记条例》；《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第九条",
            USAGE, false, true, false, null,
            items(UNCONDITIONAL, true, "公民身份号码", "姓名", "性别", "民族", "出生日期", "户籍地址"),
            List.of(new ShareMode(ShareModeType.SERVICE_API, Delivery.ONLINE_QUERY,
                    "人口基础信息核验接口：按公民身份号码和姓名核验身份，返回一致性结果及基础信息项",
                    "HTTPS POST，JSON 报文，经市共享平台服务网关调用，携带平台签发的应用令牌"),
                new ShareMode(ShareModeType.TABLE, Delivery.FRONT_END_PROCESSOR, null, null))),
        new ResourceInput("RK-002", "户籍变动信息", Classification.DEPARTMENT, null, "gaj", "数据库表",
            UpdateCycle.DAILY, CONDITIONAL,
            "限于社会救助对象核查、社会保险待遇资格认证、婚姻登记等法定职责，按个人逐条查询；"
                + "申请须写明业务事项及所依据的职责条款，不得批量导出。",
            "《中华人民共和国户口登记条例》第十条至第十九条；" + PIPL_34
                + "；《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第九条",
            USAGE, false, false, false,
            "因平台故障无法在线申请时，可持单位公函到市公安局人口管理支队书面申请，受理时间以平台补登记为准（R16）。",
            items(null, false, "公民身份号码", "姓名", "变动类型", "变动日期", "迁出地", "迁入地"),
            List.of(new ShareMode(ShareModeType.SERVICE_API, Delivery.ONLINE_QUERY,
                "户籍变动查询接口：按公民身份号码查询近五年的出生、死亡、迁入、迁出变动记录",
                "HTTPS POST，JSON 报文，经市共享平台服务网关调用，每次调用须携带授权编号"))),
        new ResourceInput("RK-003", "涉密侦查信息", Classification.DEPARTMENT, null, "gaj", "数据库表",
            UpdateCycle.DAILY, NOT_SHARED, null,
            "《中华人民共和国保守国家秘密法》第十三条（追查刑事犯罪中的秘密事项属于国家秘密）；"
                + "《中华人民共和国刑事诉讼法》第一百五十二条",
            null, false, false, false, null,
            items(null, false, "案件编号", "侦查措施", "涉案人员", "线索来源"), List.of()),
        new ResourceInput("FR-001", "法人基础信息", Classification.BASIC, BasicKind.LEGAL_ENTITY, "scjgj", "数据库表",
            UpdateCycle.REAL_TIME, UNCONDITIONAL, null,
            "《中华人民共和国市场主体登记管理条例》；《企业信息公示暂行条例》第六条；"
                + "《法人和其他组织统一社会信用代码制度建设总体方案》（国发〔2015〕33号）",
            USAGE, true, true, false, null,
            concat(items(UNCONDITIONAL, true, "统一社会信用代码", "名称", "法定代表人", "成立日期", "住所", "登记状态"),
                items(UNCONDITIONAL, false, "登记机关", "经营范围")),
            List.of(new ShareMode(ShareModeType.SERVICE_API, Delivery.SYSTEM_DOCKING,
                    "法人基础信息查询接口：按统一社会信用代码或名称查询登记信息",
                    "HTTPS GET，JSON 报文，经市共享平台服务网关调用"),
                new ShareMode(ShareModeType.FILE, Delivery.BATCH_DOWNLOAD, null, null))),
        new ResourceInput("FR-002", "行政处罚信息", Classification.DEPARTMENT, null, "scjgj", "数据库表",
            UpdateCycle.DAILY, CONDITIONAL,
            "用于信用监管、联合惩戒、招标投标资格审查等法定职责；申请须写明业务事项，涉及自然人的处罚信息仅限核验使用。",
            "《中华人民共和国行政处罚法》第四十八条；《企业信息公示暂行条例》第七条；《市场监督管理行政处罚信息公示规定》",
            USAGE, false, false, false, null,
            items(null, false, "行政处罚决定书文号", "当事人名称", "统一社会信用代码", "违法行为类型", "处罚内容",
                "处罚决定日期", "处罚机关"),
            List.of(new ShareMode(ShareModeType.TABLE, Delivery.FRONT_END_PROCESSOR, null, null))),
        new ResourceInput("SB-001", "社保参保信息", Classification.DEPARTMENT, null, "rsj", "数据库表",
            UpdateCycle.MONTHLY, CONDITIONAL,
            "限于社会救助对象核查、住房保障资格审核、人才引进等法定职责，按个人逐条核验；缴费基数仅在确有必要时提供。",
            "《中华人民共和国社会保险法》第七十四条、第八十一条；" + PIPL_34,
            USAGE, false, false, false,
            "可向市人社局信息中心提交加盖公章的《政务数据共享申请表》，由信息中心当日在平台代为登记，期限自平台登记时起算（R16）。",
            items(null, false, "公民身份号码", "姓名", "参保险种", "参保状态", "参保单位", "缴费基数", "缴费起止年月"),
            List.of(new ShareMode(ShareModeType.SERVICE_API, Delivery.ONLINE_QUERY,
                "社保参保核验接口：按公民身份号码和姓名返回各险种参保状态",
                "HTTPS POST，JSON 报文，经市共享平台服务网关调用，携带授权编号"))));
  }

  static List<ItemInput> items(ShareType shareType, boolean basic, String... names) {
    return Arrays.stream(names).map(n -> new ItemInput(n, shareType, basic)).toList();
  }

  private static List<ItemInput> concat(List<ItemInput> a, List<ItemInput> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
