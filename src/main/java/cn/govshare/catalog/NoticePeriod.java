package cn.govshare.catalog;

import cn.govshare.policy.ActivePolicy;
import org.springframework.stereotype.Component;

/**
 * R7, nanchang 9: how many months ahead grant holders are told of a change or deletion, from the
 * profile in force ({@code R7}, unit MONTHS, checked when the profile is loaded); a profile without R7
 * asks for none. No number is kept here: the baseline file must carry R7 or start-up fails naming it.
 */
@Component
class NoticePeriod {

  static final String RULE = "R7";

  private final ActivePolicy policy;

  NoticePeriod(ActivePolicy policy) {
    this.policy = policy;
  }

  int months() {
    return policy.has(RULE) ? policy.limit(RULE).amount() : 0;
  }

  String citation() {
    return policy.has(RULE) ? policy.limit(RULE).citationText() : policy.profile().regulation() + "未规定提前告知期限";
  }
}
