package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govshare.FormRejection;
import cn.govshare.GovShareTest;
import cn.govshare.catalog.CatalogCache;
import cn.govshare.deadline.DeadlineView;
import cn.govshare.org.Caller;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Issue 19 on conditional-share-request: R15 as hubei 11, 12, 18, 21 say it; 一次性告知 once (national 21);
 * the answer period running through the head's sign-off and the extension decision (national 20, 21);
 * the contest window as a right whose lapse closes the request (SPEC §5).
 */
@GovShareTest
class ShareRequestLawTest extends ShareProcessTestSupport {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  Grants grants;

  @Autowired
  CatalogCache catalogCache;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    at("2025-09-26T10:00:00+08:00");
  }

  @Test
  void hubeiPlatformAuthorisesUnconditionalDataWithoutControlledParametersWithinTheEffectiveLimitAndTellsTheProvider() {
    policy.activate("hubei");
    ShareRequest request = apply("RK-001");
    assertThat(request.status()).as("hubei 18: no instant grant").isEqualTo(RequestStatus.IN_REVIEW);
    ProcessInstance pi = instance(request);
    BpmnAwareTests.assertThat(pi).as("hubei 12, 19: the platform checks every application first")
        .isWaitingAt("normativeCheck");
    complete(task(pi), withVariables("checkPassed", true));
    BpmnAwareTests.assertThat(pi).isWaitingAt("directAuthorization");
    Task task = task(pi);
    BpmnAwareTests.assertThat(task).hasCandidateGroup("platform-operators");
    // hubei 21 says 3 WD; under the national ceiling the national 1 WD for unconditional data decides (SPEC §8)
    assertThat(policy.localProfile().limit("R15").amount()).isEqualTo(3);
    assertThat(task.getDueDate().toInstant())
        .isEqualTo(calendar.due(task.getCreateTime().toInstant(), policy.limit("R15").amount()).dueAt());
    assertThat(deadline(pi, "directAuthorization").citation()).contains("第二十一条");
    assertThatThrownBy(() -> complete(task, withVariables("approved", false)))
        .satisfies(ShareRequestLawTest::formRejection).hasMessageContaining("denialReason");

    complete(task, withVariables("approved", true, "grantScope", "姓名"));

    assertThat(requests.require(request.id()).status()).isEqualTo(RequestStatus.GRANTED);
    assertThat(told("gaj", request.id())).as("hubei 21: the provider is told the result")
        .anySatisfy(n -> assertThat(n.subject()).contains("共享平台已直接授权"));
    assertThat(told("rsj", request.id())).anySatisfy(n -> assertThat(n.subject()).contains("同意共享"));
  }

  @Test
  void hubeiSendsUnconditionalDataWithControlledParametersToTheProvider() {
    policy.activate("hubei");
    controlledParameters("FR-001", true);
    try {
      ShareRequest request = requests.submit(ConditionalShareRequestProcessTest.RSJ, new NewShareRequest("FR-001",
          Purpose.WORK_REFERENCE, "核对企业登记信息", "社会保险业务系统", List.of("名称")));
      ProcessInstance pi = instance(request);
      BpmnAwareTests.assertThat(pi).isWaitingAt("normativeCheck");
      complete(task(pi), withVariables("checkPassed", true));
      BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization").hasNotPassed("directAuthorization");
      BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("scjgj");
    } finally {
      controlledParameters("FR-001", false);
    }
  }

  @Test
  void aReasonLongerThanItsColumnIsRefusedNotCut() {
    ShareRequest request = apply("RK-002");
    ProcessInstance pi = instance(request);
    String tooLong = "理".repeat(ShareTaskChecks.MAX_TEXT + 1);
    assertThatThrownBy(() -> complete(task(pi), withVariables("checkPassed", false, "checkComment", tooLong)))
        .satisfies(ShareRequestLawTest::formRejection).hasMessageContaining("checkComment");
    BpmnAwareTests.assertThat(pi).isWaitingAt("normativeCheck");
    String longest = "理".repeat(ShareTaskChecks.MAX_TEXT);
    complete(task(pi), withVariables("checkPassed", false, "checkComment", longest));
    assertThat(requests.require(request.id()).outcomeReason()).isEqualTo(longest);
  }

  @Test
  void baselineStillGrantsUnconditionalDataAtOnce() {
    assertThat(apply("RK-001").status()).as("R10").isEqualTo(RequestStatus.GRANTED);
  }

  @Test
  void shaoyangReportsASuspensionOfProvisionToTheOfficeNotOnlyToTheUser() {
    policy.activate("shaoyang");
    Grant grant = grants.issue("mzj", "RK-002", List.of("姓名"), Purpose.DATA_VERIFICATION, null,
        Grants.SOURCE_REQUEST, "test");
    Caller provider = new Caller("gaj-reviewer", "公安审核员", "gaj", Set.of("gaj"));
    grants.changeStatus(provider, grant.id(), GrantStatus.SUSPENDED, "超出授权用途批量导出");
    assertThat(notifications.about("GRANT", String.valueOf(grant.id())))
        .anySatisfy(n -> assertThat(n.recipient()).isEqualTo("mzj"))
        .anySatisfy(n -> {
          assertThat(n.recipient()).isEqualTo("general-office");
          assertThat(n.subject()).contains("市行政审批服务局", "暂停");
          assertThat(n.body()).contains("第二十二条");
        });
  }

  @Test
  void aSecondIncompleteNoticeIsRefusedAndThePeriodRestartsOnlyOnce() {
    policy.activate("national");
    ProcessInstance pi = instance(apply("RK-002"));
    complete(task(pi), withVariables("applicantHeadApproved", true));
    complete(task(pi), withVariables("answerAction", "INCOMPLETE", "missingMaterials", "职责依据文件"));
    at("2025-10-09T10:00:00+08:00");
    complete(task(pi), withVariables("supplement", "已补充职责依据"));

    Task again = task(pi);
    assertThat(again.getDueDate().toInstant()).isEqualTo(calendar.due(instant("2025-10-09T10:00:00+08:00"), 10).dueAt());
    assertThatThrownBy(() -> complete(again, withVariables("answerAction", "INCOMPLETE", "missingMaterials", "另一份材料")))
        .satisfies(ShareRequestLawTest::formRejection).hasMessageContaining("一次性告知");
    BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization");
  }

  @Test
  void anIncompleteNoticeAfterTheAnswerPeriodLapsedIsRefused() {
    policy.activate("national");
    ProcessInstance pi = instance(apply("RK-002"));
    complete(task(pi), withVariables("applicantHeadApproved", true));
    Task review = task(pi);
    ClockUtil.setCurrentTime(Date.from(review.getDueDate().toInstant().plusSeconds(60)));
    assertThatThrownBy(() -> complete(review, withVariables("answerAction", "INCOMPLETE", "missingMaterials", "材料")))
        .satisfies(ShareRequestLawTest::formRejection).hasMessageContaining("答复期限已过");
  }

  @Test
  void theAnswerPeriodStaysOpenThroughTheHeadsSignOffAndBreachesWhenTheHeadSitsOnIt() {
    policy.activate("national");
    ProcessInstance pi = instance(apply("RK-002"));
    complete(task(pi), withVariables("applicantHeadApproved", true));
    Instant due = task(pi).getDueDate().toInstant();
    complete(task(pi), withVariables("approved", true, "grantScope", "姓名"));

    BpmnAwareTests.assertThat(pi).isWaitingAt("providerHeadSignOff");
    assertThat(task(pi).getDueDate().toInstant()).as("the head's task shows the answer period").isEqualTo(due);
    DeadlineView period = deadline(pi, "providerAnswer");
    assertThat(period.state()).as("art. 20: the answer has not left the provider").isEqualTo("OPEN");
    assertThat(period.citation()).contains("第二十一条");

    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
    await(() -> "BREACHED".equals(deadline(pi, "providerAnswer").state()));
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId())
        .incidentType("deadlineBreach").count()).isEqualTo(1);

    complete(task(pi), withVariables("providerHeadApproved", true));
    assertThat(deadline(pi, "providerAnswer").state()).as("signed off late").isEqualTo("LATE");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void theAnswerPeriodStaysOpenWhileThePlatformDecidesAnExtension() {
    policy.activate("national");
    ProcessInstance pi = instance(apply("RK-002"));
    complete(task(pi), withVariables("applicantHeadApproved", true));
    complete(task(pi), withVariables("answerAction", "EXTEND", "extensionDays", 5, "extensionReason", "需调取档案"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("approveAnswerExtension");
    assertThat(deadline(pi, "providerAnswer").state()).isEqualTo("OPEN");
    complete(task(pi), withVariables("extensionApproved", true));
    DeadlineView period = deadline(pi, "providerAnswer");
    assertThat(period.dueAt()).isEqualTo(calendar.due(instant("2025-09-26T10:00:00+08:00"), 15).dueAt());
    assertThat(task(pi).getDueDate().toInstant()).isEqualTo(period.dueAt());
  }

  @Test
  void aLapsedContestWindowClosesTheRequestAsAcceptedWithoutBreachOrOpenTask() {
    ShareRequest request = apply("RK-002");
    ProcessInstance pi = instance(request);
    complete(task(pi), withVariables("checkPassed", true));
    complete(task(pi), withVariables("approved", false, "denialReason", "用途与职责不符"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("applicantReview");
    Task review = task(pi);
    assertThat(review.getDueDate().toInstant()).as("the window from the profile (R13-CONTEST)")
        .isEqualTo(calendar.due(review.getCreateTime().toInstant(), policy.limit("R13-CONTEST").amount()).dueAt());
    assertThat(told("rsj", request.id())).anySatisfy(n -> assertThat(n.body())
        .contains(policy.limit("R13-CONTEST").amountText() + "内提出异议"));

    ClockUtil.setCurrentTime(Date.from(review.getDueDate().toInstant().plusSeconds(60)));
    await(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("recordRefusalAccepted", "refusedEnd");
    assertThat(requests.require(request.id()).status()).isEqualTo(RequestStatus.REFUSED);
    assertThat(requests.steps(request.id())).anySatisfy(s -> assertThat(s.comment()).contains("视为接受"));
    assertThat(deadlines.forProcessInstance(pi.getId())).noneMatch(d -> "BREACHED".equals(d.state())
        || "applicantReview".equals(d.taskDefinitionKey()));
  }

  /** Refused as a form rejection (400 at the REST doors), whether or not a task listener wrapped it. */
  static void formRejection(Throwable thrown) {
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof FormRejection)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("a FormRejection in " + thrown).isNotNull();
  }

  private void controlledParameters(String code, boolean value) {
    jdbc.update("UPDATE gs_catalog_resource SET controlled_parameters = ? WHERE code = ?", value, code);
    ReflectionTestUtils.invokeMethod(catalogCache, "changed");
  }
}
