package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govshare.GovShareTest;
import cn.govshare.calendar.DueText;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * conditional-share-request under the national profile (《政务数据共享条例》, SPEC §8): the steps articles
 * 20–22 add, each on the calendar's working days, and none of them in the local profiles.
 */
@GovShareTest
class NationalShareRequestProcessTest extends ShareProcessTestSupport {

  @BeforeEach
  void national() {
    BpmnAwareTests.init(engine);
    policy.activate("national");
    // Friday before the 2025 National Day holiday: counting crosses 10-01..10-08 and two make-up days
    at("2025-09-26T10:00:00+08:00");
  }

  /** Applies for a conditional resource and has the applicant's head sign it off (article 20). */
  ProcessInstance signedOff(String resource) {
    ProcessInstance pi = instance(apply(resource));
    BpmnAwareTests.assertThat(pi).isWaitingAt("applicantHeadSignOff");
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("rsj-head");
    complete(task(pi), withVariables("applicantHeadApproved", true));
    return pi;
  }

  @Test
  void unconditionalDataIsATaskForTheProviderDueInOneWorkingDayNotAnInstantGrant() {
    ShareRequest request = apply("RK-001");
    ProcessInstance pi = instance(request);
    assertThat(pi).as("national: unconditional requests are answered by the provider").isNotNull();
    complete(task(pi), withVariables("applicantHeadApproved", true));

    BpmnAwareTests.assertThat(pi).isWaitingAt("unconditionalShare");
    Task share = task(pi);
    BpmnAwareTests.assertThat(share).hasCandidateGroup("gaj");
    // received Friday 09-26 10:00: the next working day is Sunday 09-28 (调休 make-up workday)
    assertThat(share.getDueDate().toInstant()).isEqualTo(instant("2025-09-29T00:00:00+08:00"));
    assertThat(deadline(pi, "unconditionalShare").citation()).contains("政务数据共享条例", "第二十一条");

    assertThatThrownBy(() -> complete(share, withVariables("approved", false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("应当予以共享");
    complete(share, withVariables("approved", true, "grantScope", "姓名"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("createGrant", "notifyApplicant").hasNotPassed("deliverData");
    assertThat(requests.require(request.id()).status()).isEqualTo(RequestStatus.GRANTED);
  }

  @Test
  void headDeclinesTheApplicationSoItIsWithdrawnBeforeAnyoneElseSeesIt() {
    ShareRequest request = apply("RK-002");
    ProcessInstance pi = instance(request);
    String signOff = task(pi).getId();
    TaskService tasks = engine.getTaskService();
    engine.getIdentityService().setAuthentication("rsj-applicant", List.of("rsj"));
    assertThatThrownBy(() -> tasks.complete(signOff, Map.of("applicantHeadApproved", true)))
        .as("the applicant cannot sign for the head").isInstanceOf(ProcessEngineException.class);
    engine.getIdentityService().setAuthentication("rsj-head", List.of("rsj", "rsj-head"));
    assertThatThrownBy(() -> tasks.complete(signOff, Map.of("applicantHeadApproved", false)))
        .hasMessageContaining("applicantHeadComment");
    tasks.complete(signOff, Map.of("applicantHeadApproved", false, "applicantHeadComment", "用途不明确"));
    engine.getIdentityService().clearAuthentication();

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("withdrawnEnd").hasNotPassed("providerAuthorization");
    ShareRequest withdrawn = requests.require(request.id());
    assertThat(withdrawn.status()).isEqualTo(RequestStatus.WITHDRAWN);
    assertThat(withdrawn.outcomeReason()).contains("用途不明确");
  }

  @Test
  void incompleteMaterialsGoBackToTheApplicantOnceAndTheAnswerPeriodRestartsWhenComplete() {
    ProcessInstance pi = signedOff("RK-002");
    BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization").hasNotPassed("normativeCheck");
    Task review = task(pi);
    // 10 WD (article 21) from 09-26: make-up days 09-28 and 10-11 count, the holiday does not
    assertThat(review.getDueDate().toInstant()).isEqualTo(instant("2025-10-17T00:00:00+08:00"));

    at("2025-09-30T09:00:00+08:00");
    assertThatThrownBy(() -> complete(review, withVariables("answerAction", "INCOMPLETE")))
        .hasMessageContaining("missingMaterials");
    complete(review, withVariables("answerAction", "INCOMPLETE", "missingMaterials", "业务职责依据文件；系统等级保护备案证明"));

    BpmnAwareTests.assertThat(pi).isWaitingAt("supplementMaterials").hasNotPassed("recordRefusal");
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("rsj");
    ShareRequest waiting = requests.require(requestId(pi));
    assertThat(waiting.status()).isEqualTo(RequestStatus.INCOMPLETE);
    assertThat(told("rsj", requestId(pi))).anySatisfy(n -> assertThat(n.body()).contains("系统等级保护备案证明", "第二十一条"));

    at("2025-10-09T10:00:00+08:00");
    complete(task(pi), withVariables("supplement", "已补充职责依据及等保备案证明"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization");
    Task again = task(pi);
    assertThat(again.getDueDate().toInstant()).as("a new 10 WD period from the complete materials")
        .isEqualTo(calendar.due(instant("2025-10-09T10:00:00+08:00"), 10).dueAt());
    assertThat(requests.require(requestId(pi)).status()).isEqualTo(RequestStatus.IN_REVIEW);
  }

  @Test
  void applicantWithdrawsInsteadOfSupplementingAndTheRequestEndsWithdrawnWithTheProviderTold() {
    ProcessInstance pi = signedOff("RK-002");
    complete(task(pi), withVariables("answerAction", "INCOMPLETE", "missingMaterials", "业务职责依据文件"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("supplementMaterials");

    // national 21: the applicant may withdraw instead; the main plane reads WITHDRAWN from the record
    complete(task(pi), withVariables("withdraw", true, "supplement", "业务已调整，不再需要"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("recordSupplementWithdrawn", "supplementWithdrawnEnd")
        .hasNotPassed("recordSupplement", "withdrawnEnd");
    ShareRequest withdrawn = requests.require(requestId(pi));
    assertThat(withdrawn.status()).isEqualTo(RequestStatus.WITHDRAWN);
    assertThat(withdrawn.outcomeReason()).contains("业务已调整");
    assertThat(told(withdrawn.providerDept(), withdrawn.id())).anySatisfy(n -> assertThat(n.body()).contains("业务已调整"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void approvedAnswerExtensionMovesTheDueDateAndTellsTheApplicant() {
    ProcessInstance pi = signedOff("RK-002");
    Task review = task(pi);
    Instant original = review.getDueDate().toInstant();
    // the provider's form offers article 21's options and shows the period's last day (issue 25: read when opened)
    VariableMap form = engine.getFormService().getTaskFormVariables(review.getId());
    assertThat(form).containsEntry("incompleteAllowed", true).containsEntry("extensionAllowed", true)
        .containsEntry("answerExtensionMax", 10).containsEntry("dueText", DueText.lastDay(original) + "办结");
    assertThatThrownBy(() -> complete(review, withVariables("answerAction", "EXTEND", "extensionDays", 11,
        "extensionReason", "需调取历史档案"))).hasMessageContaining("1..10");
    complete(review, withVariables("answerAction", "EXTEND", "extensionDays", 5, "extensionReason", "需调取历史档案"));

    BpmnAwareTests.assertThat(pi).isWaitingAt("approveAnswerExtension");
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("platform-operators");
    complete(task(pi), withVariables("extensionApproved", true));

    BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization");
    Instant extended = task(pi).getDueDate().toInstant();
    assertThat(extended).isEqualTo(calendar.due(instant("2025-09-26T10:00:00+08:00"), 15).dueAt()).isAfter(original);
    assertThat(engine.getFormService().getTaskFormVariables(task(pi).getId()).get("dueText"))
        .as("the form shows the extended period's last day").isEqualTo(DueText.lastDay(extended) + "办结");
    assertThat(told("rsj", requestId(pi))).anySatisfy(n -> assertThat(n.subject()).contains("答复期限延长5个工作日"));

    // 5 of 10 used: asking for 6 more is refused before it reaches the platform
    assertThatThrownBy(() -> complete(task(pi), withVariables("answerAction", "EXTEND", "extensionDays", 6,
        "extensionReason", "再延"))).hasMessageContaining("1..5");
  }

  @Test
  void refusedAnswerExtensionKeepsTheOriginalPeriodAndTellsTheProvider() {
    ProcessInstance pi = signedOff("RK-002");
    Instant original = task(pi).getDueDate().toInstant();
    complete(task(pi), withVariables("answerAction", "EXTEND", "extensionDays", 3, "extensionReason", "人手不足"));
    assertThatThrownBy(() -> complete(task(pi), withVariables("extensionApproved", false)))
        .hasMessageContaining("extensionComment");
    complete(task(pi), withVariables("extensionApproved", false, "extensionComment", "理由不充分"));

    BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization");
    assertThat(task(pi).getDueDate().toInstant()).isEqualTo(original);
    assertThat(told("gaj", requestId(pi))).anySatisfy(n -> assertThat(n.body()).contains("理由不充分"));
    assertThat(told("rsj", requestId(pi))).noneSatisfy(n -> assertThat(n.subject()).contains("延长"));
  }

  @Test
  void anAnswerSentBackOpensWithAnEmptyFormNotThePreviousDecision() {
    ProcessInstance pi = signedOff("RK-002");
    complete(task(pi), withVariables("approved", false, "denialReason", "第一轮：不予共享"));
    // the head reads the answer as its step recorded it (article 20; read when the form opens, issue 25)
    assertThat(engine.getFormService().getTaskFormVariables(task(pi).getId()).get("answerSummary"))
        .isEqualTo("不予共享；第一轮：不予共享");
    complete(task(pi), withVariables("providerHeadApproved", false, "providerHeadComment", "请重新审核"));

    BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization");
    // Tasklist fills the form from these variables: the returned task must not show the first round's answer
    assertThat(engine.getTaskService().getVariables(task(pi).getId()))
        .doesNotContainKeys("approved", "denialReason", "grantScope");
    complete(task(pi), withVariables("approved", true, "grantScope", "姓名"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("providerHeadSignOff");
    assertThat(engine.getTaskService().getVariables(task(pi).getId()))
        .as("the head's second sign-off opens without the first one's refusal")
        .doesNotContainKeys("providerHeadApproved", "providerHeadComment")
        .doesNotContainKey("denialReason");
    assertThat(engine.getFormService().getTaskFormVariables(task(pi).getId()).get("answerSummary"))
        .as("this round's answer, not the first").isEqualTo("同意共享；授权范围：姓名");
  }

  @Test
  void providerHeadSendsTheAnswerBackWithoutRestartingThePeriodThenSignsAndDeliveryIsDueIn20WorkingDays() {
    ProcessInstance pi = signedOff("RK-002");
    Instant due = task(pi).getDueDate().toInstant();
    complete(task(pi), withVariables("approved", true, "grantScope", "姓名"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("providerHeadSignOff").hasNotPassed("createGrant");
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("gaj-head");
    at("2025-09-30T09:00:00+08:00");
    complete(task(pi), withVariables("providerHeadApproved", false, "providerHeadComment", "授权范围请再核对"));

    BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization");
    assertThat(task(pi).getDueDate().toInstant()).as("same answer period").isEqualTo(due);
    complete(task(pi), withVariables("approved", true, "grantScope", "姓名"));
    at("2025-10-09T15:00:00+08:00");
    complete(task(pi), withVariables("providerHeadApproved", true));

    BpmnAwareTests.assertThat(pi).hasPassed("createGrant", "notifyApplicant").isWaitingAt("deliverData");
    Task delivery = task(pi);
    BpmnAwareTests.assertThat(delivery).hasCandidateGroup("gaj");
    assertThat(delivery.getDueDate().toInstant()).isEqualTo(calendar.due(instant("2025-10-09T15:00:00+08:00"), 20).dueAt());
    assertThat(deadline(pi, "deliverData").citation()).contains("第二十二条");
    assertThatThrownBy(() -> complete(delivery, withVariables("delivered", false))).hasMessageContaining("delivered");
    complete(delivery, withVariables("delivered", true, "deliveryNote", "经前置机推送"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("recordDelivered");
    assertThat(told("rsj", requestId(pi))).anySatisfy(n -> assertThat(n.subject()).contains("数据已交付"));
  }

  @Test
  void deliveryNotConfirmedWithin20WorkingDaysRaisesABreachIncident() {
    ProcessInstance pi = signedOff("RK-002");
    complete(task(pi), withVariables("approved", true, "grantScope", "姓名"));
    complete(task(pi), withVariables("providerHeadApproved", true));
    Task delivery = task(pi);
    assertThat(delivery.getTaskDefinitionKey()).isEqualTo("deliverData");

    ClockUtil.setCurrentTime(Date.from(delivery.getDueDate().toInstant().plusSeconds(60)));
    await(() -> engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId())
        .incidentType("deadlineBreach").count() == 1);
    String message = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
        .getIncidentMessage();
    assertThat(message).contains("超期: 数据交付", "N22-DELIVERY", "第二十二条");
    assertThat(deadline(pi, "deliverData").state()).isEqualTo("BREACHED");
    BpmnAwareTests.assertThat(pi).isWaitingAt("deliverData");
  }

  @Test
  void localProfilesHaveNoneOfTheNationalSteps() {
    policy.activate("baseline");
    ShareRequest unconditional = apply("RK-001");
    assertThat(unconditional.status()).as("R10: granted at once").isEqualTo(RequestStatus.GRANTED);
    ProcessInstance pi = instance(apply("RK-002"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("normativeCheck").hasNotPassed("applicantHeadSignOff");
    complete(task(pi), withVariables("checkPassed", true));
    assertThatThrownBy(() -> complete(task(pi), withVariables("answerAction", "INCOMPLETE", "missingMaterials", "x")))
        .hasMessageContaining("没有此答复方式");
    complete(task(pi), withVariables("approved", true, "grantScope", "姓名"));
    BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed("providerHeadSignOff", "deliverData");
  }

  private long requestId(ProcessInstance pi) {
    // the request's row, not a variable: the copies leave no history once the case has ended
    return requests.ofDepartment(RSJ, true).stream().filter(r -> pi.getId().equals(r.processInstanceId()))
        .findFirst().orElseThrow().id();
  }
}
