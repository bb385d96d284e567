package cn.govshare.policy;

import cn.govshare.RecordRetention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The larger of the active profile's and the national retention (《政务数据共享条例》第二十九条: records of
 * use ≥ 3 years; R26, nanchang 24: logs ≥ 6 months), in days: a year counts 365 days and every fourth
 * one more (3 years = 1096 days, enough for a span with a 29 February), a month 31 days.
 */
@Component
class RetentionRequirement implements RecordRetention {

  static final Set<String> RULES = Set.of("N29-RECORDS", "R26-LOGS");

  private final ActivePolicy policy;

  RetentionRequirement(ActivePolicy policy) {
    this.policy = policy;
  }

  @Override
  public int minimumDays() {
    return limits().stream().mapToInt(RetentionRequirement::days).max().orElse(0);
  }

  @Override
  public String citation() {
    List<String> texts = new ArrayList<>();
    for (TimeLimit limit : limits()) {
      texts.add(limit.step() + limit.amountText() + "（" + limit.citationText() + "）");
    }
    return String.join("；", texts);
  }

  private List<TimeLimit> limits() {
    List<TimeLimit> limits = new ArrayList<>();
    for (PolicyProfile profile : List.of(policy.localProfile(), policy.load(ActivePolicy.NATIONAL))) {
      for (String rule : RULES) {
        if (profile.has(rule) && profile.limit(rule).timed()) {
          limits.add(profile.limit(rule));
        }
      }
    }
    return limits;
  }

  static int days(TimeLimit limit) {
    return switch (limit.unit()) {
      case YEARS -> limit.amount() * 365 + (limit.amount() + 3) / 4;
      case MONTHS -> limit.amount() * 31;
      case WORKING_DAYS, NONE -> limit.amount();
    };
  }
}
