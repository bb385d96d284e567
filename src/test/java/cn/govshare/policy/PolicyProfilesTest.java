package cn.govshare.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PolicyProfilesTest {

  @Test
  void everyShippedProfileLoads() {
    for (String name : ActivePolicy.SHIPPED) {
      assertThat(PolicyLoader.load(name).name()).isEqualTo(name);
    }
  }

  @Test
  void profilesHoldTheSpecTable() {
    Map<String, Map<String, Integer>> expected = Map.of(
        "baseline", Map.of("R12", 3, "R13", 10, "R14", 1, "R22", 5, "R22-EXT", 15, "R6", 15, "R7", 1, "R25", 5),
        "jinan", Map.of("R13", 10, "R22", 5, "R6", 15),
        "county", Map.of("R13", 10, "R22", 5),
        "hubei", Map.of("R12", 3, "R13", 10, "R14", 1, "R15", 3, "R22", 5),
        "shaoyang", Map.of("R13", 10, "R22", 5, "R22-EXT", 15, "R6", 15),
        "nanchang", Map.of("R12", 3, "R13", 5, "R22", 5, "R7", 1, "R25", 5));
    List<String> tableRules = List.of("R12", "R13", "R14", "R15", "R22", "R22-EXT", "R6", "R7", "R25");
    expected.forEach((name, limits) -> {
      PolicyProfile profile = PolicyLoader.load(name);
      for (String rule : tableRules) {
        assertThat(profile.has(rule)).as(name + " has " + rule).isEqualTo(limits.containsKey(rule));
        if (limits.containsKey(rule)) {
          assertThat(profile.limit(rule).amount()).as(name + " " + rule).isEqualTo(limits.get(rule));
        }
      }
    });
  }

  @Test
  void limitsCiteTheirRegulationAndArticleInChinese() {
    assertThat(PolicyLoader.load("hubei").limit("R13").citationText())
        .isEqualTo("《湖北省政务信息资源共享管理办法》（鄂政办发〔2018〕59号）第二十条");
    assertThat(PolicyLoader.load("nanchang").limit("R13").citationText())
        .isEqualTo("《南昌市政务信息资源共享开放管理办法》（洪府厅发〔2019〕130号）第十四条");
    assertThat(PolicyLoader.load("baseline").limit("R22").citationText())
        .isEqualTo("《邵阳市政务信息资源共享管理办法（试行）》（邵市政办发〔2022〕7号）第二十五条");
  }

  @Test
  void unspecifiedLimitTakesTheBaselineNumberAndSaysSo() {
    TimeLimit jinanCorrection = PolicyLoader.load("jinan").limit("R22");
    assertThat(jinanCorrection.specified()).isFalse();
    assertThat(jinanCorrection.amount()).isEqualTo(5);
    assertThat(jinanCorrection.citationText()).contains("未规定, 采用基线", "第十五条", "邵阳市", "第二十五条");
  }

  @Test
  void disputeStepsHaveNoTimeLimitAnywhere() {
    for (String name : ActivePolicy.SHIPPED) {
      TimeLimit office = PolicyLoader.load(name).limit("R18-OFFICE");
      assertThat(office.timed()).as(name).isFalse();
      assertThat(office.amountText()).isEqualTo("未规定时限");
    }
  }

  @Test
  void escalationBodyNamesComeFromTheProfile() {
    assertThat(PolicyLoader.load("jinan").body(PolicyProfile.GENERAL_OFFICE)).isEqualTo("市政府办公厅");
    assertThat(PolicyLoader.load("shaoyang").body(PolicyProfile.GENERAL_OFFICE)).isEqualTo("市行政审批服务局");
    assertThat(PolicyLoader.load("hubei").body(PolicyProfile.GENERAL_OFFICE)).isEqualTo("同级政府相关职能部门");
  }

  @Test
  void aNewProfileIsOneYamlFileAndNoCode() {
    PolicyProfile test = PolicyLoader.load("quickcheck");
    assertThat(test.limit("R12").amount()).isEqualTo(2);
    assertThat(test.limit("R13").amount()).isEqualTo(5);
    assertThat(test.has("R22")).isFalse();
    assertThat(new ActivePolicy("quickcheck").has("R12")).isTrue();
  }

  @Test
  void unknownOrMalformedProfileStopsWithFileAndKey() {
    assertThatThrownBy(() -> new ActivePolicy("atlantis")).isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy/atlantis.yml");
    assertThatThrownBy(() -> PolicyLoader.load("broken-amount")).isInstanceOf(PolicyException.class)
        .hasMessage("policy/broken-amount.yml: limits.R13.amount must be a positive integer");
    assertThatThrownBy(() -> PolicyLoader.load("broken-key")).isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy/broken-key.yml: unknown key limits.R13.days");
  }

  @Test
  void complianceFindingsForShippedLocalProfilesArePinned() {
    PolicyProfile national = PolicyLoader.load("national");
    Map<String, String> expected = Map.of(
        "baseline", "N22-DELIVERY:MISSING N29-RECORDS:MISSING R22:LOOSER R6:LOOSER R7-REVIEW:LOOSER",
        "jinan", "N22-DELIVERY:MISSING N29-RECORDS:MISSING R6:LOOSER R7-REVIEW:LOOSER",
        "county", "N22-DELIVERY:MISSING N29-RECORDS:MISSING R6:MISSING R7-REVIEW:LOOSER",
        "hubei", "N22-DELIVERY:MISSING N29-RECORDS:MISSING R6:MISSING R7-REVIEW:LOOSER",
        "shaoyang", "N22-DELIVERY:MISSING N29-RECORDS:MISSING R22:LOOSER R6:LOOSER R7-REVIEW:LOOSER",
        "nanchang", "N22-DELIVERY:MISSING N29-RECORDS:MISSING R6:MISSING R7-REVIEW:LOOSER");
    expected.forEach((name, findings) -> assertThat(ComplianceCheck.check(PolicyLoader.load(name), national).stream()
        .map(f -> f.rule() + ":" + f.kind()).collect(Collectors.joining(" "))).as(name).isEqualTo(findings));
  }

  @Test
  void shaoyangCorrectionWithExtensionExceedsTheNationalTenDays() {
    ComplianceFinding finding = ComplianceCheck.check(PolicyLoader.load("shaoyang"), PolicyLoader.load("national"))
        .stream().filter(f -> f.rule().equals("R22")).findFirst().orElseThrow();
    assertThat(finding.local()).isEqualTo("5+15个工作日（含延期）");
    assertThat(finding.national()).isEqualTo("10个工作日（含延期）");
    assertThat(finding.localCitation()).contains("第二十五条");
    assertThat(finding.nationalCitation()).contains("《政务数据共享条例》", "第二十六条");
  }
}
