package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govshare.GovShareTest;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.deadline.DeadlineView;
import cn.govshare.deadline.Deadlines;
import cn.govshare.policy.ActivePolicy;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC §2, share-request rows, one profile a row, on the real process: whether the platform checks
 * (R12), the provider's answer period and its article (R13), who answers unconditional data (R10, R15,
 * national 21), and the national-only steps present or absent.
 */
@GovShareTest
class ShareRequestProfileScenarioTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  ShareRequests requests;

  @Autowired
  ActivePolicy policy;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  Deadlines deadlines;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void baseline() {
    policy.activate("baseline");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // profile, normative check (R12) article or -, answer WD, answer article, unconditional: GRANTED | directAuthorization | unconditionalShare
      "baseline, 第十九条, 10, 第二十条, GRANTED",
      "jinan, -, 10, 第十三条, GRANTED",
      "county, -, 10, 第十三条, GRANTED",
      "hubei, 第十九条, 10, 第二十条, directAuthorization",
      "shaoyang, -, 10, 第二十一条, GRANTED",
      "nanchang, 第十四条, 5, 第十四条, GRANTED",
      "national, -, 10, 第二十一条, unconditionalShare"})
  void shareRequestRowsOfTheProfile(String profile, String checkArticle, int answerDays, String answerArticle,
      String unconditional) {
    policy.activate(profile);
    boolean national = ActivePolicy.NATIONAL.equals(profile);

    ProcessInstance pi = instance(apply("RK-002"));
    if (national) {
      BpmnAwareTests.assertThat(pi).as("art. 20: the applicant's head signs first").isWaitingAt("applicantHeadSignOff");
      complete(task(pi), withVariables("applicantHeadApproved", true));
    }
    if ("-".equals(checkArticle)) {
      BpmnAwareTests.assertThat(pi).as("no R12 in " + profile).isWaitingAt("providerAuthorization");
    } else {
      BpmnAwareTests.assertThat(pi).isWaitingAt("normativeCheck");
      assertThat(deadline(pi, "normativeCheck").citation()).contains(checkArticle);
      complete(task(pi), withVariables("checkPassed", true));
    }
    Task answer = task(pi);
    assertThat(answer.getTaskDefinitionKey()).isEqualTo("providerAuthorization");
    DeadlineView period = deadline(pi, "providerAnswer");
    assertThat(period.citation()).contains(answerArticle);
    assertThat(answer.getDueDate().toInstant()).isEqualTo(period.dueAt())
        .isEqualTo(calendar.due(period.startedAt(), answerDays).dueAt());

    complete(answer, withVariables("approved", false, "denialReason", "用途与职责不符"));
    if (national) {
      BpmnAwareTests.assertThat(pi).as("art. 20: the answer leaves with the head's sign-off")
          .isWaitingAt("providerHeadSignOff");
      complete(task(pi), withVariables("providerHeadApproved", true));
    }
    BpmnAwareTests.assertThat(pi).isWaitingAt("applicantReview").hasPassed("notifyApplicant");
    assertThat(deadlines.forProcessInstance(pi.getId())).as("the contest window is a right: no deadline")
        .noneMatch(d -> "applicantReview".equals(d.taskDefinitionKey()));
    complete(task(pi), withVariables("contest", false));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("recordRefusalAccepted");

    ShareRequest open = apply("RK-001");
    if ("GRANTED".equals(unconditional)) {
      assertThat(open.status()).as("R10 in " + profile).isEqualTo(RequestStatus.GRANTED);
      assertThat(open.processInstanceId()).isNull();
      return;
    }
    ProcessInstance uc = instance(open);
    if (national) {
      complete(task(uc), withVariables("applicantHeadApproved", true));
    } else {
      complete(task(uc), withVariables("checkPassed", true));
    }
    BpmnAwareTests.assertThat(uc).isWaitingAt(unconditional);
  }

  private ShareRequest apply(String resource) {
    return requests.submit(ConditionalShareRequestProcessTest.RSJ, new NewShareRequest(resource,
        Purpose.WORK_REFERENCE, "核对户籍变动", "社会保险业务系统", List.of("姓名")));
  }

  private ProcessInstance instance(ShareRequest request) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(request.processInstanceId()).singleResult();
  }

  private DeadlineView deadline(ProcessInstance pi, String key) {
    return deadlines.forProcessInstance(pi.getId()).stream().filter(d -> key.equals(d.taskDefinitionKey()))
        .reduce((first, last) -> last).orElseThrow();
  }
}
