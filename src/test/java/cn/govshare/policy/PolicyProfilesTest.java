package cn.govshare.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyProfilesTest {

  /** The profiles GovShare ships (the loader finds them, and any other policy/*.yml, by listing). */
  static final List<String> SHIPPED = List.of("baseline", "jinan", "county", "hubei", "shaoyang", "nanchang",
      "national");

  @Test
  void everyShippedProfileLoads() {
    for (String name : SHIPPED) {
      assertThat(PolicyLoader.load(name).name()).isEqualTo(name);
    }
  }

  @Test
  void profilesHoldTheSpecTable() {
    Map<String, Map<String, Integer>> expected = Map.of(
        "baseline", Map.of("R12", 3, "R13", 10, "R14", 1, "R22", 5, "R22-EXT", 15, "R6", 15, "R7", 1, "R25", 5),
        "jinan", Map.of("R13", 10, "R22", 5, "R6", 15),
        "county", Map.of("R13", 10, "R22", 5, "R6", 15),
        "hubei", Map.of("R12", 3, "R13", 10, "R14", 1, "R15", 3, "R22", 5, "R6", 15),
        "shaoyang", Map.of("R13", 10, "R22", 5, "R22-EXT", 15, "R6", 15),
        "nanchang", Map.of("R12", 3, "R13", 5, "R22", 5, "R6", 15, "R7", 1, "R25", 5));
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
    for (String name : SHIPPED) {
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
    String common = "N20-SIGNOFF:UNTIMED_DUTY N21-INCOMPLETE:UNTIMED_DUTY N22-DELIVERY:MISSING N29-RECORDS:MISSING:enforced";
    Map<String, String> expected = Map.of(
        // baseline grants unconditional data at once (R10, no R15): nothing to measure against national 21's 1 WD
        "baseline", common + " R12+R13+R14:END_TO_END"
            + " R22:LOOSER:enforced R6:LOOSER:enforced R7-REVIEW:LOOSER:enforced",
        "jinan", common + " R6:LOOSER:enforced R7-REVIEW:LOOSER:enforced",
        "county", common + " R6:LOOSER:enforced R7-REVIEW:LOOSER:enforced",
        "hubei", common + " R12+R13+R14:END_TO_END R12+R15:END_TO_END R13:LOOSER R15:LOOSER:enforced"
            + " R6:LOOSER:enforced R7-REVIEW:LOOSER:enforced",
        "shaoyang", common + " R22:LOOSER:enforced R6:LOOSER:enforced R7-REVIEW:LOOSER:enforced",
        "nanchang", common + " R6:LOOSER:enforced R7-REVIEW:LOOSER:enforced");
    expected.forEach((name, findings) -> assertThat(ComplianceCheck.check(PolicyLoader.load(name), national).stream()
        .map(f -> f.rule() + ":" + f.kind() + (f.enforced() ? ":enforced" : "")).collect(Collectors.joining(" ")))
        .as(name).isEqualTo(findings));
  }

  @Test
  void hubeiEndToEndAndUnconditionalRouteAreFindingsTheCeilingCannotFix() {
    List<ComplianceFinding> hubei = ComplianceCheck.check(PolicyLoader.load("hubei"), PolicyLoader.load("national"));
    ComplianceFinding endToEnd = hubei.stream().filter(f -> f.rule().equals("R12+R13+R14")).findFirst().orElseThrow();
    assertThat(endToEnd.local()).isEqualTo("3（R12） + 10（R13） + 1（R14） = 14个工作日");
    assertThat(endToEnd.national()).isEqualTo("10个工作日（R13）");
    assertThat(endToEnd.enforced()).isFalse();
    // hubei 21: unconditional data goes through a 3 WD platform task — not "instant", measured against art. 21's 1 WD
    ComplianceFinding direct = hubei.stream().filter(f -> f.rule().equals("R15")).findFirst().orElseThrow();
    assertThat(direct.national()).isEqualTo("1个工作日");
    assertThat(direct.nationalCitation()).contains("第二十一条");
    assertThat(direct.enforced()).isTrue();
    assertThat(new ActivePolicy("hubei").limit("R15").amount()).isEqualTo(1);
    // hubei 11: with controlled parameters the provider authorises (R13, 10 WD): not enforceable per step
    assertThat(hubei.stream().filter(f -> f.rule().equals("R13")).findFirst().orElseThrow().enforced()).isFalse();
  }

  @Test
  void untimedDutiesUnitsAndApproversAreCompared() {
    PolicyProfile national = PolicyLoader.load("national");
    List<ComplianceFinding> test = ComplianceCheck.check(PolicyLoader.load("mismatch"), national);
    assertThat(test).filteredOn(f -> f.rule().equals("R22")).singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(ComplianceFinding.Kind.UNIT))
        .satisfies(f -> assertThat(f.enforced()).isFalse());
    assertThat(test).filteredOn(f -> f.rule().equals("R13-EXT")).singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(ComplianceFinding.Kind.APPROVER))
        .satisfies(f -> assertThat(f.local()).isEqualTo("提供部门负责人"))
        .satisfies(f -> assertThat(f.national()).isEqualTo("政务数据共享主管部门"));
    assertThat(test).filteredOn(f -> f.rule().equals("N21-INCOMPLETE")).singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(ComplianceFinding.Kind.UNTIMED_DUTY));
    // the ceiling leaves a unit it cannot compare alone
    assertThat(new ActivePolicy("mismatch").limit("R22").unit()).isEqualTo(LimitUnit.MONTHS);
  }

  @Test
  void nationalCeilingGivesTheStricterLimitCitingBothArticles() {
    ActivePolicy shaoyang = new ActivePolicy("shaoyang");
    assertThat(shaoyang.limit("R22").amount()).isEqualTo(5);
    assertThat(shaoyang.limit("R22").citation()).doesNotContain("政务数据共享条例");
    assertThat(shaoyang.limit("R22-EXT").amount()).isEqualTo(5);
    assertThat(shaoyang.limit("R22-EXT").citation()).isEqualTo(
        "《邵阳市政务信息资源共享管理办法（试行）》（邵市政办发〔2022〕7号）第二十五条；"
            + "《政务数据共享条例》（国务院令第809号）第二十六条（国家规定更严，从严）");
    assertThat(shaoyang.limit("R6").amount()).isEqualTo(10);
    assertThat(shaoyang.limit("R6").citation()).contains("第十一条", "第十七条", "国家规定更严");
    // the text's 15 WD in all is kept as the national +5 WD with the authority's consent (art. 17)
    assertThat(shaoyang.limit("R6-EXT").amount()).isEqualTo(5);
    assertThat(shaoyang.approver("R6-EXT")).isEqualTo("政务数据共享主管部门");
    assertThat(shaoyang.localProfile().limit("R22-EXT").amount()).isEqualTo(15);
    // nanchang's 5 WD answer is stricter than the national 10: the local number stands
    assertThat(new ActivePolicy("nanchang").limit("R13").amount()).isEqualTo(5);
    assertThat(new ActivePolicy("jinan").has("R13-EXT")).isFalse();
  }

  @Test
  void switchedOffTheLocalNumbersRunUnchanged() {
    ActivePolicy shaoyang = new ActivePolicy("shaoyang", false, null);
    assertThat(shaoyang.nationalCeiling()).isFalse();
    assertThat(shaoyang.limit("R22-EXT").amount()).isEqualTo(15);
    assertThat(shaoyang.limit("R6").amount()).isEqualTo(15);
    assertThat(shaoyang.has("R6-EXT")).isFalse();
    assertThat(shaoyang.compliance("shaoyang")).filteredOn(f -> f.rule().equals("R22")).singleElement()
        .satisfies(f -> assertThat(f.enforced()).isFalse());
  }

  @Test
  void profilesWithoutANumberForTheCatalogueUpdateTakeTheBaselineLabelled() {
    for (String name : List.of("county", "hubei", "nanchang")) {
      TimeLimit update = PolicyLoader.load(name).limit("R6");
      assertThat(update.specified()).as(name).isFalse();
      assertThat(update.amount()).as(name).isEqualTo(15);
      assertThat(update.citation()).as(name).contains(TimeLimit.UNSPECIFIED);
    }
  }

  @Test
  void aProfileFileInTheConfiguredDirectoryIsPickedUpWithoutCode(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("newtown.yml"), """
        title: 新城办法
        regulation: 《新城市政务信息资源共享管理办法》
        bodies: {platform: 新城平台, general-office: 新城办公厅, leading-group: 新城领导小组}
        limits:
          R13: {step: 提供部门答复, amount: 12, article: 第三条}
        """);
    ActivePolicy policy = new ActivePolicy("newtown", true, directory.toString());
    assertThat(policy.available()).contains("newtown", "quickcheck", "baseline", "national");
    assertThat(policy.localProfile().limit("R13").amount()).isEqualTo(12);
    assertThat(policy.limit("R13").amount()).isEqualTo(10);
    assertThat(policy.profile().source()).endsWith("newtown.yml");
    assertThat(PolicyLoader.available(null)).contains("quickcheck").doesNotContain("newtown");
  }

  @Test
  void aBaselineWithoutTheNoticePeriodStopsStartUpNamingTheFile(@TempDir Path directory) throws IOException {
    String baseline = new String(PolicyLoader.class.getResourceAsStream("/policy/baseline.yml").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("baseline.yml"), baseline.replaceAll("(?s)  R7:\\n.*?(?=  R7-REVIEW:)", ""));
    assertThatThrownBy(() -> new ActivePolicy("jinan", true, directory.toString()))
        .isInstanceOf(PolicyException.class).hasMessageContaining("baseline.yml: limits.R7 is missing");
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

  @Test
  void recordsAreKeptTheLargerOfTheProfilesAndTheNationalRetention() {
    RetentionRequirement nanchang = new RetentionRequirement(new ActivePolicy("nanchang"));
    assertThat(nanchang.minimumDays()).isEqualTo(1096);
    assertThat(nanchang.citation()).contains("6个月", "第二十四条", "3年", "第二十九条");
    assertThat(RetentionRequirement.days(PolicyLoader.load("nanchang").limit("R26-LOGS"))).isEqualTo(186);
  }
}
