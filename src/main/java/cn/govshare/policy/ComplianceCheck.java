package cn.govshare.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a local profile with the national one (SPEC §8): a local measure may be stricter than
 * 《政务数据共享条例》, never looser. Checked: each timed national step on its base limit and on its total
 * with extensions ({@code <rule>-EXT}); a local step measured against a national one of another id
 * ({@code national:} in the YAML, hubei R15 → R13-UNCONDITIONAL); untimed national duties (一次性告知
 * art. 21, head sign-off art. 20); who approves an extension; the end-to-end time from application to
 * answer; units that cannot be compared. Each finding says whether it is now enforced.
 */
public final class ComplianceCheck {

  /** National steps whose absence locally is stricter, not looser: no extension allowed. */
  private static final Set<String> ABSENCE_IS_STRICTER = Set.of("R13-EXT", "R6-EXT");
  /** Unconditional data answered by the provider (art. 21): absent locally = direct access, unless routed via a task. */
  private static final String UNCONDITIONAL = "R13-UNCONDITIONAL";
  /** Kept for at least the national period whatever the profile: checked at deployment (art. 29, AuditEnginePlugin). */
  private static final Set<String> RETENTION = Set.of("N29-RECORDS");
  /** From application to the applicant holding the answer, per share type (R12 → R13 → R14; R12 → R15). */
  private static final Map<String, List<String>> CHAINS = Map.of(
      "有条件共享申请（受理→答复→告知）", List.of("R12", "R13", "R14"),
      "无条件共享申请（受理→授权）", List.of("R12", "R15"));

  private ComplianceCheck() {
  }

  /** As if the ceiling were on (the default). */
  public static List<ComplianceFinding> check(PolicyProfile local, PolicyProfile national) {
    return check(local, national, true);
  }

  public static List<ComplianceFinding> check(PolicyProfile local, PolicyProfile national, boolean ceiling) {
    List<ComplianceFinding> findings = new ArrayList<>();
    PolicyProfile effective = ceiling ? NationalCeiling.apply(local, national) : local;
    for (Map.Entry<String, TimeLimit> entry : national.limits().entrySet()) {
      String rule = entry.getKey();
      TimeLimit theirs = entry.getValue();
      if (rule.endsWith(NationalCeiling.EXT)) {
        continue;
      }
      if (!theirs.timed()) {
        untimed(local, rule, theirs, findings);
        continue;
      }
      String mineRule = localRule(local, rule);
      if (mineRule == null) {
        missing(local, rule, theirs, findings);
        continue;
      }
      TimeLimit mine = local.limit(mineRule);
      if (!mine.timed()) {
        findings.add(finding(local, mineRule, mine, theirs, ComplianceFinding.Kind.LOOSER, mine.amountText(),
            "本地未规定时限", false, "未强制：本地环节无时限，国家规定不能按数字套用"));
        continue;
      }
      if (mine.unit() != theirs.unit()) {
        findings.add(finding(local, mineRule, mine, theirs, ComplianceFinding.Kind.UNIT, mine.amountText(),
            "计量单位不同（" + mine.amountText() + " 对 " + theirs.amountText() + "），无法比较", false,
            "未强制：单位不同，须人工核对并改写配置"));
        continue;
      }
      int localMax = mine.amount() + extension(local, mineRule);
      int nationalMax = theirs.amount() + extension(national, rule);
      boolean enforced = ceiling && effective.limit(mineRule).amount() <= theirs.amount()
          && effective.limit(mineRule).amount() + extension(effective, mineRule) <= nationalMax;
      int effectiveExt = extension(effective, mineRule);
      String how = enforced ? "已强制：有效时限 " + effective.limit(mineRule).amount()
          + (effectiveExt == 0 ? "" : "+" + effectiveExt) + mine.unit().chinese() + "（国家规定更严，从严）"
          : notEnforced(ceiling);
      if (mine.amount() > theirs.amount()) {
        findings.add(finding(local, mineRule, mine, theirs, ComplianceFinding.Kind.LOOSER, mine.amountText(),
            "宽于《政务数据共享条例》的" + theirs.amountText(), enforced, how));
      } else if (localMax > nationalMax) {
        String localText = mine.amount() + "+" + extension(local, mineRule) + mine.unit().chinese() + "（含延期）";
        String nationalText = nationalMax + theirs.unit().chinese() + "（含延期）";
        findings.add(new ComplianceFinding(local.name(), mineRule, mine.step(), ComplianceFinding.Kind.LOOSER, localText,
            nationalText, mine.citationText(), theirs.citationText(), local.title() + "「" + mine.step() + "」" + localText
            + unspecified(mine) + "宽于《政务数据共享条例》的" + nationalText, enforced, how));
      }
      if (UNCONDITIONAL.equals(rule) && !UNCONDITIONAL.equals(mineRule) && local.has("R13")
          && local.limit("R13").amount() > theirs.amount()) {
        // hubei 11: unconditional data that needs controlled parameters is authorised by the provider (R13)
        TimeLimit provider = local.limit("R13");
        findings.add(new ComplianceFinding(local.name(), "R13", provider.step() + "（无条件共享、需管控参数）",
            ComplianceFinding.Kind.LOOSER, provider.amountText(), theirs.amountText(), provider.citationText(),
            theirs.citationText(), local.title() + "对需管控参数的无条件共享数据由提供部门在" + provider.amountText()
            + "内授权，宽于《政务数据共享条例》无条件共享数据的" + theirs.amountText(), false,
            "未强制：同一授权环节也办理有条件共享（" + provider.amountText() + "），按数据类型区分时限须改流程"));
      }
    }
    approvers(local, national, findings);
    endToEnd(local, effective, national, ceiling, findings);
    findings.sort(Comparator.comparing(ComplianceFinding::rule).thenComparing(f -> f.kind().name()));
    return findings;
  }

  /** The local step measured against national {@code rule}: the same id, or one that names it as counterpart. */
  private static String localRule(PolicyProfile local, String rule) {
    if (local.has(rule)) {
      return rule;
    }
    for (String mine : local.limits().keySet()) {
      if (rule.equals(local.counterpart(mine)) && !mine.equals(rule)) {
        return mine;
      }
    }
    return null;
  }

  private static void missing(PolicyProfile local, String rule, TimeLimit theirs, List<ComplianceFinding> findings) {
    if (ABSENCE_IS_STRICTER.contains(rule) || UNCONDITIONAL.equals(rule)) {
      return; // no extension, or unconditional data taken directly (no task): stricter than any limit
    }
    boolean retention = RETENTION.contains(rule);
    findings.add(new ComplianceFinding(local.name(), rule, theirs.step(), ComplianceFinding.Kind.MISSING, "无此环节",
        theirs.amountText(), local.regulation() + "未设此环节", theirs.citationText(),
        local.title() + "没有「" + theirs.step() + "」环节，《政务数据共享条例》要求" + theirs.amountText(), retention,
        retention ? "已强制：流程历史与 GovShare 记录至少保存" + theirs.amountText() + "，部署时检查 historyTimeToLive"
            : "未强制：本地流程没有此环节"));
  }

  /** 一次性告知 (art. 21), 负责人同意 (art. 20): duties without a number; the ceiling cannot add a step. */
  private static void untimed(PolicyProfile local, String rule, TimeLimit theirs, List<ComplianceFinding> findings) {
    if (local.has(rule) || rule.endsWith("-APPROVAL")) {
      return; // who approves an extension is compared on the extension itself (approvers)
    }
    findings.add(new ComplianceFinding(local.name(), rule, theirs.step(), ComplianceFinding.Kind.UNTIMED_DUTY,
        "无此义务", "「" + theirs.step() + "」", local.regulation() + "未规定", theirs.citationText(),
        local.title() + "没有《政务数据共享条例》要求的「" + theirs.step() + "」", false,
        "未强制：国家规定从严只约束时限，不增设环节"));
  }

  /** An extension the local text lets someone else approve than the national one names. */
  private static void approvers(PolicyProfile local, PolicyProfile national, List<ComplianceFinding> findings) {
    for (String rule : local.limits().keySet()) {
      if (!rule.endsWith(NationalCeiling.EXT)) {
        continue;
      }
      String base = rule.substring(0, rule.length() - NationalCeiling.EXT.length());
      String nationalExt = local.counterpart(base) + NationalCeiling.EXT;
      String theirs = national.approver(nationalExt);
      String mine = local.approver(rule);
      if (theirs != null && !theirs.equals(mine)) {
        findings.add(new ComplianceFinding(local.name(), rule, local.limit(rule).step(),
            ComplianceFinding.Kind.APPROVER, mine == null ? "未规定审批主体" : mine, theirs,
            local.limit(rule).citationText(), national.limit(nationalExt).citationText(),
            local.title() + "的「" + local.limit(rule).step() + "」由" + (mine == null ? "（未规定）" : mine)
            + "批准，《政务数据共享条例》要求经" + theirs + "同意", false, "未强制：延期审批人由流程决定"));
      }
    }
  }

  /** hubei: 3 (R12) + 10 (R13) + 1 (R14) WD from application to answer, against the national 10. */
  private static void endToEnd(PolicyProfile local, PolicyProfile effective, PolicyProfile national, boolean ceiling,
      List<ComplianceFinding> findings) {
    CHAINS.forEach((name, chain) -> {
      List<String> steps = chain.stream().filter(local::has).filter(r -> local.limit(r).timed()).toList();
      if (steps.size() < 2 || steps.stream().anyMatch(r -> local.limit(r).unit() != LimitUnit.WORKING_DAYS)) {
        return;
      }
      List<String> theirs = chain.stream().map(local::counterpart).filter(national::has)
          .filter(r -> national.limit(r).timed()).toList();
      if (theirs.isEmpty()) {
        return;
      }
      int mine = steps.stream().mapToInt(r -> local.limit(r).amount()).sum();
      int now = steps.stream().filter(effective::has).mapToInt(r -> effective.limit(r).amount()).sum();
      int limit = theirs.stream().mapToInt(r -> national.limit(r).amount()).sum();
      if (mine <= limit) {
        return;
      }
      String localText = String.join(" + ", steps.stream().map(r -> local.limit(r).amount() + "（" + r + "）").toList())
          + " = " + mine + LimitUnit.WORKING_DAYS.chinese();
      String nationalText = limit + LimitUnit.WORKING_DAYS.chinese() + "（" + String.join("、", theirs) + "）";
      boolean enforced = ceiling && now <= limit;
      findings.add(new ComplianceFinding(local.name(), String.join("+", steps), name, ComplianceFinding.Kind.END_TO_END,
          localText, nationalText, String.join("；", steps.stream().map(r -> local.limit(r).citationText()).toList()),
          String.join("；", theirs.stream().map(r -> national.limit(r).citationText()).toList()),
          local.title() + "「" + name + "」全程 " + localText + "，长于《政务数据共享条例》的" + nationalText, enforced,
          enforced ? "已强制：有效时限合计 " + now + LimitUnit.WORKING_DAYS.chinese()
              : "未强制：逐环节从严后全程仍为 " + (ceiling ? now : mine) + LimitUnit.WORKING_DAYS.chinese()
                  + "；各环节时限各自有据，全程时限须由办法或配置缩短"));
    });
  }

  private static ComplianceFinding finding(PolicyProfile local, String rule, TimeLimit mine, TimeLimit theirs,
      ComplianceFinding.Kind kind, String localText, String comparison, boolean enforced, String how) {
    return new ComplianceFinding(local.name(), rule, mine.step(), kind, localText, theirs.amountText(),
        mine.citationText(), theirs.citationText(),
        local.title() + "「" + mine.step() + "」" + localText + unspecified(mine) + comparison, enforced, how);
  }

  private static String unspecified(TimeLimit mine) {
    return mine.specified() ? "" : "（本地未规定，采用基线）";
  }

  private static String notEnforced(boolean ceiling) {
    return ceiling ? "未强制" : "未强制：国家规定从严已关闭（govshare.policy.national-ceiling=false）";
  }

  private static int extension(PolicyProfile profile, String rule) {
    String ext = rule + NationalCeiling.EXT;
    return profile.has(ext) && profile.limit(ext).timed() ? profile.limit(ext).amount() : 0;
  }
}
