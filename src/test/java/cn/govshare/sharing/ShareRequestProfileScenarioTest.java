package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govshare.GovShareTest;
import cn.govshare.deadline.DeadlineView;
import cn.govshare.policy.ActivePolicy;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §2, share-request rows, one profile a row, on the real process: whether the platform checks
 * (R12), the provider's answer period and its article (R13), who answers unconditional data (R10, R15,
 * national 21), and the national-only steps present or absent.
 */
@GovShareTest
class ShareRequestProfileScenarioTest extends ShareProcessTestSupport {

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
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

}
