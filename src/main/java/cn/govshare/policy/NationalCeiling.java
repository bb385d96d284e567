package cn.govshare.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * National precedence (SPEC §8, 《政务数据共享条例》 in force since 2025-08-01): a local profile runs with
 * the stricter of its own and the national limit for every step both have. Where the national one
 * decides, the limit cites both articles. A base limit and its extension ({@code <rule>-EXT}) are
 * weighed together: effective base = the smaller base; effective total = the smaller total; the
 * extension is what is left (none left: no extension). So shaoyang's 5 + 15 WD correction becomes
 * 5 + 5 against the national 10 WD in all, and a 15 WD catalogue update becomes 10 (+5 with the
 * authority's consent, art. 17).
 */
public final class NationalCeiling {

  static final String STRICTER = "（国家规定更严，从严）";
  static final String EXT = "-EXT";

  private NationalCeiling() {
  }

  public static PolicyProfile apply(PolicyProfile local, PolicyProfile national) {
    if (local.name().equals(national.name())) {
      return local;
    }
    Map<String, TimeLimit> effective = new LinkedHashMap<>(local.limits());
    Map<String, String> approvers = new LinkedHashMap<>(local.approvers());
    for (Map.Entry<String, TimeLimit> entry : local.limits().entrySet()) {
      String rule = entry.getKey();
      TimeLimit mine = entry.getValue();
      String other = local.counterpart(rule);
      if (rule.endsWith(EXT) || !mine.timed() || !national.has(other)) {
        continue;
      }
      TimeLimit ceiling = national.limit(other);
      if (!ceiling.timed() || ceiling.unit() != mine.unit()) {
        continue; // a unit mismatch is a compliance finding, not something arithmetic can settle
      }
      int localExt = extension(local, rule);
      int nationalExt = extension(national, other);
      int base = Math.min(mine.amount(), ceiling.amount());
      int total = Math.min(mine.amount() + localExt, ceiling.amount() + nationalExt);
      int ext = total - base;
      if (base < mine.amount()) {
        effective.put(rule, new TimeLimit(rule, mine.step(), base, mine.unit(), true, both(mine, ceiling)));
      }
      String extRule = rule + EXT;
      if (ext == 0) {
        effective.remove(extRule);
      } else if (local.has(extRule)) {
        TimeLimit localExtension = local.limit(extRule);
        if (ext < localExtension.amount()) {
          TimeLimit nationalExtension = national.has(other + EXT) ? national.limit(other + EXT) : ceiling;
          effective.put(extRule, new TimeLimit(extRule, localExtension.step(), ext, localExtension.unit(), true,
              both(localExtension, nationalExtension)));
        }
      } else {
        // the local text has no extension but a longer total; the national extension fits inside it
        TimeLimit nationalExtension = national.limit(other + EXT);
        effective.put(extRule, new TimeLimit(extRule, nationalExtension.step(), ext, nationalExtension.unit(), true,
            nationalExtension.citation() + "（本地总时限" + mine.amountText() + "，国家规定更严，从严）"));
        if (national.approver(other + EXT) != null) {
          approvers.put(extRule, national.approver(other + EXT));
        }
      }
    }
    return local.withLimits(effective, approvers);
  }

  /** Whether the national limit decided this effective limit (it cites both). */
  public static boolean decidedByNational(TimeLimit limit) {
    return limit.citation().contains(STRICTER) || limit.citation().contains("国家规定更严");
  }

  private static String both(TimeLimit local, TimeLimit national) {
    return local.citation() + "；" + national.citation() + STRICTER;
  }

  private static int extension(PolicyProfile profile, String rule) {
    String ext = rule + EXT;
    return profile.has(ext) && profile.limit(ext).timed() ? profile.limit(ext).amount() : 0;
  }
}
