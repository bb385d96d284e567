package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.org.Caller;
import cn.govshare.statistics.DataCallOutcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R20: a data call is judged against its department's active grants on the resource, in issue order. */
class DataCallTest {

  private static final Caller OPERATOR = new Caller("operator", "运维", null, Set.of("operator"));

  @Test
  void withoutAGrantTheCallIsRefusedAndIsNoViolation() {
    DataCall.Verdict verdict = call(Purpose.WORK_REFERENCE, null, "gaj").judge(List.of());

    assertThat(verdict.answer()).isEqualTo(new GrantCheck(false, null, "无有效授权"));
    assertThat(verdict.outcome()).isEqualTo(DataCallOutcome.REFUSED_NO_GRANT);
    assertThat(verdict.refused()).isNull();
    assertThat(verdict.provider()).isEqualTo("gaj");
    assertThat(verdict.concerns()).containsExactly("sjj");
    assertThat(verdict.detail()).isEqualTo("sjj RK-001 WORK_REFERENCE: 无有效授权");
  }

  @Test
  void anotherPurposeIsRefusedAsAViolationOfTheGrantHeld() {
    DataCall.Verdict verdict = call(Purpose.WORK_REFERENCE, "name", null)
        .judge(List.of(grant(7, "gaj", null, Purpose.DATA_VERIFICATION)));

    assertThat(verdict.answer().allowed()).isFalse();
    assertThat(verdict.answer().reason()).startsWith("授权用途不符").contains(Purpose.DATA_VERIFICATION.label());
    assertThat(verdict.outcome()).isEqualTo(DataCallOutcome.REFUSED_OUT_OF_SCOPE);
    assertThat(verdict.refused()).isEqualTo(new CallRefused("sjj", "gaj", "RK-001", Purpose.WORK_REFERENCE, "name",
        verdict.answer().reason()));
    // no catalogue entry: the count goes to the grant's provider
    assertThat(verdict.provider()).isEqualTo("gaj");
    assertThat(verdict.concerns()).containsExactly("gaj", "sjj");
  }

  @Test
  void theFirstGrantWhosePurposeAndScopeFitAnswers() {
    List<DataCallMapper.ActiveGrant> held = List.of(grant(3, "gaj", "address", Purpose.WORK_REFERENCE),
        grant(5, "gaj", "name, id_number", Purpose.WORK_REFERENCE), grant(9, "gaj", null, Purpose.WORK_REFERENCE));

    assertThat(call(Purpose.WORK_REFERENCE, "id_number", "gaj").judge(held).answer())
        .isEqualTo(new GrantCheck(true, 5L, "授权有效"));
    assertThat(call(Purpose.WORK_REFERENCE, null, "gaj").judge(held).answer().grantId()).isEqualTo(3L);
    assertThat(call(Purpose.WORK_REFERENCE, "phone", "gaj").judge(held).answer().grantId()).isEqualTo(9L);
  }

  @Test
  void aFieldOutsideEveryScopeIsRefused() {
    DataCall.Verdict verdict = call(Purpose.WORK_REFERENCE, "phone", "gaj")
        .judge(List.of(grant(3, "gaj", "name,address", Purpose.WORK_REFERENCE)));

    assertThat(verdict.answer()).isEqualTo(new GrantCheck(false, null, "数据项 phone 不在授权范围内"));
    assertThat(verdict.outcome()).isEqualTo(DataCallOutcome.REFUSED_OUT_OF_SCOPE);
    assertThat(verdict.refused()).isNotNull();
    assertThat(verdict.detail()).isEqualTo("sjj RK-001 WORK_REFERENCE phone: 数据项 phone 不在授权范围内");
  }

  private static DataCall call(Purpose purpose, String field, String provider) {
    return new DataCall(OPERATOR, "sjj", "RK-001", purpose, field, provider, "10.0.0.1");
  }

  private static DataCallMapper.ActiveGrant grant(long id, String provider, String scope, Purpose purpose) {
    return new DataCallMapper.ActiveGrant("sjj", "RK-001", id, provider, scope, purpose);
  }
}
