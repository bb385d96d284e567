package cn.govshare.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a local profile with the national one (SPEC §8): a local measure may be stricter than
 * 《政务数据共享条例》, never looser. Each timed national step is checked on its base limit and on its
 * ceiling with extensions ({@code <rule>-EXT}).
 */
public final class ComplianceCheck {

  /** National steps whose absence locally is stricter, not looser: direct access, no extension allowed. */
  private static final Set<String> ABSENCE_IS_STRICTER = Set.of("R13-UNCONDITIONAL", "R13-EXT", "R6-EXT");

  private ComplianceCheck() {
  }

  public static List<ComplianceFinding> check(PolicyProfile local, PolicyProfile national) {
    List<ComplianceFinding> findings = new ArrayList<>();
    for (Map.Entry<String, TimeLimit> entry : national.limits().entrySet()) {
      String rule = entry.getKey();
      TimeLimit ceiling = entry.getValue();
      if (!ceiling.timed() || rule.endsWith("-EXT")) {
        continue;
      }
      if (!local.has(rule)) {
        if (!ABSENCE_IS_STRICTER.contains(rule)) {
          findings.add(new ComplianceFinding(local.name(), rule, ceiling.step(), ComplianceFinding.Kind.MISSING,
              "无此环节", ceiling.amountText(), local.regulation() + "未设此环节", ceiling.citationText(),
              local.title() + "没有「" + ceiling.step() + "」环节，《政务数据共享条例》要求" + ceiling.amountText()));
        }
        continue;
      }
      TimeLimit mine = local.limit(rule);
      if (mine.unit() != ceiling.unit()) {
        continue;
      }
      if (mine.amount() > ceiling.amount()) {
        findings.add(looser(local, rule, mine, ceiling, mine.amountText(), ceiling.amountText()));
        continue;
      }
      int localMax = mine.amount() + extension(local, rule);
      int nationalMax = ceiling.amount() + extension(national, rule);
      if (localMax > nationalMax) {
        findings.add(looser(local, rule, mine, ceiling,
            mine.amount() + "+" + extension(local, rule) + mine.unit().chinese() + "（含延期）",
            nationalMax + ceiling.unit().chinese() + "（含延期）"));
      }
    }
    findings.sort(Comparator.comparing(ComplianceFinding::rule));
    return findings;
  }

  private static ComplianceFinding looser(PolicyProfile local, String rule, TimeLimit mine, TimeLimit ceiling,
      String localText, String nationalText) {
    String unspecified = mine.specified() ? "" : "（本地未规定，采用基线）";
    return new ComplianceFinding(local.name(), rule, mine.step(), ComplianceFinding.Kind.LOOSER, localText,
        nationalText, mine.citationText(), ceiling.citationText(),
        local.title() + "「" + mine.step() + "」" + localText + unspecified + "宽于《政务数据共享条例》的" + nationalText);
  }

  private static int extension(PolicyProfile profile, String rule) {
    String ext = rule + "-EXT";
    return profile.has(ext) ? profile.limit(ext).amount() : 0;
  }
}
