package cn.govshare.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govshare.policy.PolicyException;
import cn.govshare.policy.PolicyLoader;
import cn.govshare.policy.PolicyProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each profile's {@code supervision:} block says what its regulation says (R29; docs/supervision.md). */
class SupervisionRulesTest {

  @Test
  void everyShippedProfileHasAValidBlockAndARectificationLimitNoTextNumbers() {
    for (String name : new String[] {"baseline", "jinan", "county", "hubei", "shaoyang", "nanchang", "national"}) {
      PolicyProfile profile = PolicyLoader.load(name);
      SupervisionRules rules = SupervisionRules.of(profile);
      assertThat(rules.kinds()).as(name).containsKey(ViolationKind.BREACHED_LIMIT);
      assertThat(profile.limit(RectificationTaskChecks.LIMIT_RULE).specified()).as(name).isFalse();
    }
  }

  @Test
  void eachLocalTextNamesWhoOrdersTheFixAndWhereALapsedOrderGoes() {
    assertThat(rules("jinan").order().name()).isEqualTo("市政府办公厅");
    assertThat(rules("county").lapseBody()).hasValueSatisfying(b -> assertThat(b.name()).isEqualTo("县人民政府"));
    assertThat(rules("hubei").lapseBody()).hasValueSatisfying(b -> assertThat(b.name()).isEqualTo("省数字政府建设领导小组"));
    assertThat(rules("hubei").breachReport().citation()).endsWith("第二十六条");
    assertThat(rules("nanchang").kind(ViolationKind.BREACHED_LIMIT)).hasValueSatisfying(c ->
        assertThat(c.citation()).endsWith("第三十条第（七）项"));
    // shaoyang 32 lists no "refusing to rectify" and names no step after a lapse: both absent, not renamed
    assertThat(rules("shaoyang").kind(ViolationKind.IGNORED_ORDER)).isEmpty();
    assertThat(rules("shaoyang").lapseBody()).isEmpty();
    assertThat(rules("national").kinds()).containsOnlyKeys(ViolationKind.BREACHED_LIMIT);
  }

  @Test
  void aMalformedBlockIsRefusedNamingTheKey() {
    PolicyProfile base = PolicyLoader.load("jinan");
    PolicyProfile broken = new PolicyProfile("broken", base.title(), base.regulation(), base.bodies(), base.limits(),
        Map.of(), Map.of(), "policy/broken.yml", Map.of(), Map.of("order", Map.of("body", "x", "article", "第一条"),
            "breach-report", Map.of("body", "y", "article", "第二条"), "kinds", Map.of("THEFT", Map.of())));
    assertThatThrownBy(() -> SupervisionRules.of(broken)).isInstanceOf(PolicyException.class)
        .hasMessageContaining("supervision.kinds.THEFT");
  }

  private static SupervisionRules rules(String name) {
    return SupervisionRules.of(PolicyLoader.load(name));
  }
}
