package cn.govshare.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govshare.GovShareTest;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.deadline.DeadlineView;
import cn.govshare.deadline.Deadlines;
import cn.govshare.org.Caller;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.TimeLimit;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §2, the correction rows, walked per profile on the real process: the verify limit and its article on
 * the deadline, "未规定, 采用基线" where the regulation sets no number, the extension cap where there is one
 * (and no extension where the step does not exist), the user told of the result. Each status change is one
 * audit record.
 */
@GovShareTest
class CorrectionScenarioTest {

  static final Caller RSJ = new Caller("rsj-applicant", "孙丽", "rsj", Set.of("rsj"));
  /** 2025-09-26 10:00 Asia/Shanghai, the Friday before the 2025 National Day week. */
  static final Instant RECEIVED = Instant.parse("2025-09-26T02:00:00Z");

  @Autowired
  ProcessEngine engine;

  @Autowired
  Corrections corrections;

  @Autowired
  ActivePolicy policy;

  @Autowired
  Deadlines deadlines;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void restore() {
    policy.activate("baseline");
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @ParameterizedTest(name = "{0}: verify {1} WD ({2}), specified {3}, extension {4}")
  @CsvSource({
      "baseline, 5, 第二十五条, true, true",
      "jinan, 5, 第十五条, false, false",
      "county, 5, 第十六条, false, false",
      "hubei, 5, 第二十三条, false, false",
      "shaoyang, 5, 第二十五条, true, true",
      "nanchang, 5, 第九条, false, false",
      "national, 10, 第二十六条, true, false"})
  void correctionRowsOfTheProfile(String profile, int verifyDays, String article, boolean specified,
      boolean extension) {
    policy.activate(profile);
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    Correction correction = corrections.report(RSJ, new NewCorrection("FR-001", "91430500MA4L0" + profile,
        "企业名称与营业执照不一致", null, List.of()));
    String pi = correction.processInstanceId();

    // R22 verify limit: the profile's number (the baseline's where the regulation sets none), with its article
    TimeLimit verify = policy.limit("R22");
    assertThat(verify.amount()).isEqualTo(verifyDays);
    assertThat(verify.specified()).isEqualTo(specified);
    DeadlineView deadline = open(pi, "verifyData");
    assertThat(deadline.rule()).isEqualTo("R22");
    assertThat(deadline.citation()).contains(article);
    if (!specified) {
      assertThat(deadline.citation()).contains(TimeLimit.UNSPECIFIED);
    }
    assertThat(deadline.dueAt()).isEqualTo(calendar.due(RECEIVED, verifyDays).dueAt());
    Task verifyTask = task(pi);
    assertThat(verifyTask.getDueDate().toInstant()).isEqualTo(deadline.dueAt());
    assertThat((String) engine.getTaskService().getVariableLocal(verifyTask.getId(), "periodHint"))
        .contains(verify.amountText(), article);

    if (extension) {
      // R22-EXT: the cap and its article come from the profile in force, never from the form or the code
      TimeLimit cap = policy.limit("R22-EXT");
      assertThat((String) engine.getTaskService().getVariableLocal(verifyTask.getId(), "extensionHint"))
          .contains(cap.amountText(), cap.citationText());
      assertThatThrownBy(() -> completeAs("scjgj-reviewer", verifyTask.getId(), Map.of("outcome", "NEED_EXTENSION",
          "extensionDays", cap.amount() + 1, "extensionReason", "档案调取")))
          .hasMessageContaining("不得超过" + cap.amountText()).hasMessageContaining(cap.citationText());
      completeAs("scjgj-reviewer", verifyTask.getId(), Map.of("outcome", "NEED_EXTENSION",
          "extensionDays", cap.amount(), "extensionReason", "档案调取"));
      Task head = task(pi);
      assertThat(head.getTaskDefinitionKey()).isEqualTo("approveExtension");
      // the period keeps running while the head decides
      assertThat(open(pi, "approveExtension").dueAt()).isEqualTo(deadline.dueAt());
      completeAs("scjgj-head", head.getId(), Map.of("extensionApproved", true));
      assertThat(open(pi, "verifyData").dueAt()).isEqualTo(calendar.due(RECEIVED, verifyDays + cap.amount()).dueAt());
      assertThat(notified(correction.id(), "CORRECTION_EXTENDED")).isEqualTo(1);
    } else {
      assertThat(policy.has("R22-EXT")).isFalse();
      assertThat((String) engine.getTaskService().getVariableLocal(verifyTask.getId(), "extensionHint"))
          .contains("未规定校核延期");
      assertThatThrownBy(() -> completeAs("scjgj-reviewer", verifyTask.getId(), Map.of("outcome", "NEED_EXTENSION",
          "extensionDays", 1, "extensionReason", "档案调取"))).hasMessageContaining("未规定校核延期");
      assertThat(task(pi).getId()).isEqualTo(verifyTask.getId());
    }

    completeAs("scjgj-reviewer", task(pi).getId(), Map.of("outcome", "CORRECTED", "correctionNote", "已按档案更正"));
    assertThat(corrections.visible(RSJ, correction.id()).status()).isEqualTo(CorrectionStatus.CORRECTED);
    assertThat(notified(correction.id(), "CORRECTION_RESULT")).isEqualTo(1);
    // every status change is one audit record
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE object_type = 'CORRECTION' AND object_id = ?",
        Integer.class, String.valueOf(correction.id())))
        .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM gs_correction_step WHERE correction_id = ? AND step <> "
            + "'resultNotified'", Integer.class, correction.id()))
        .isEqualTo(extension ? 5 : 2);
  }

  private DeadlineView open(String pi, String taskKey) {
    return deadlines.forProcessInstance(pi).stream()
        .filter(d -> d.taskDefinitionKey().equals(taskKey) && d.state().equals("OPEN")).findFirst().orElseThrow();
  }

  private Task task(String pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
  }

  private int notified(long id, String category) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gs_notification WHERE ref_type = 'CORRECTION' AND ref_id = ? "
        + "AND recipient = 'rsj' AND category = ?", Integer.class, String.valueOf(id), category);
  }

  private void completeAs(String user, String taskId, Map<String, Object> values) {
    engine.getIdentityService().setAuthentication(user, user.endsWith("-head") ? List.of("scjgj", "scjgj-head")
        : List.of("scjgj"));
    try {
      engine.getTaskService().complete(taskId, new HashMap<>(values));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
