package cn.govshare.deadline;

import java.util.Map;
import org.springframework.stereotype.Component;

/** TEMPORARY stand-in for branch policy (baseline numbers of SPEC §2); removed on merge. */
@Component
class TemporaryRules implements DeadlinePolicy {

  private static final Map<String, Limit> LIMITS = Map.of(
      "R12", new Limit("R12", "规范性审查", 3, Unit.WORKING_DAYS, true, "湖北省办法 第十九条"),
      "R13", new Limit("R13", "提供部门答复", 10, Unit.WORKING_DAYS, true, "湖北省办法 第二十条"),
      "R14", new Limit("R14", "告知申请部门", 1, Unit.WORKING_DAYS, true, "湖北省办法 第二十条"),
      "R22", new Limit("R22", "数据校核", 5, Unit.WORKING_DAYS, true, "邵阳市办法 第二十五条"),
      "R7", new Limit("R7", "目录变更告知", 1, Unit.MONTHS, true, "南昌市办法 第九条"),
      "R18-NEGOTIATION", new Limit("R18-NEGOTIATION", "部门协商", 0, Unit.NONE, false, "未规定"));

  @Override
  public String profile() {
    return "baseline";
  }

  @Override
  public boolean has(String rule) {
    return LIMITS.containsKey(rule);
  }

  @Override
  public Limit limit(String rule) {
    return LIMITS.get(rule);
  }
}
