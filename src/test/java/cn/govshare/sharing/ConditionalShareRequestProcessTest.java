package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govshare.GovShareTest;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@GovShareTest
class ConditionalShareRequestProcessTest extends ShareProcessTestSupport {


  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  ShareRequest apply() {
    return requests.submit(RSJ, new NewShareRequest("RK-002", Purpose.WORK_REFERENCE, "核对户籍变动", "社会保险业务系统",
        List.of("姓名")));
  }

  ShareRequestStatusView status(ShareRequest request) {
    return new ShareRequestStatusView(requests.require(request.id()).status());
  }

  record ShareRequestStatusView(RequestStatus status) {
  }

  @Test
  void approvedRequestEndsWithAGrantAndTheApplicantTold() {
    ShareRequest request = apply();
    ProcessInstance pi = instance(request);
    BpmnAwareTests.assertThat(pi).isWaitingAt("normativeCheck");
    assertThat(task(pi)).extracting(t -> t.getName()).isEqualTo("规范性审查");
    complete(task(pi), withVariables("checkPassed", true));
    BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization");
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("gaj");
    complete(task(pi), withVariables("approved", true, "grantScope", "姓名"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("createGrant", "notifyApplicant");
    assertThat(status(request).status()).isEqualTo(RequestStatus.GRANTED);
    assertThat(requests.steps(request.id())).extracting(RequestStep::step).contains("applicantNotified");
  }

  @Test
  void refusedThenAcceptedEndsRefused() {
    ShareRequest request = apply();
    ProcessInstance pi = instance(request);
    complete(task(pi), withVariables("checkPassed", true));
    complete(task(pi), withVariables("approved", false, "denialReason", "涉及未成年人信息，需另行签署保密协议"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("applicantReview").hasPassed("recordRefusal", "notifyApplicant");
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("rsj");
    complete(task(pi), withVariables("contest", false));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("refusedEnd");
    assertThat(status(request).status()).isEqualTo(RequestStatus.REFUSED);
  }

  @Test
  void refusedThenContestedHandsToTheDispute() {
    ShareRequest request = apply();
    ProcessInstance pi = instance(request);
    complete(task(pi), withVariables("checkPassed", true));
    complete(task(pi), withVariables("approved", false, "denialReason", "用途与职责不符"));
    complete(task(pi), withVariables("contest", true, "contestReason", "社保关系转移是法定职责"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("startDispute");
    assertThat(status(request).status()).isEqualTo(RequestStatus.DISPUTE);
  }

  @Test
  void failedCheckEndsWithoutReachingTheProvider() {
    ShareRequest request = apply();
    ProcessInstance pi = instance(request);
    complete(task(pi), withVariables("checkPassed", false, "checkComment", "未写明使用系统的等级保护情况"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("recordCheckFailed", "notifyApplicant")
        .hasNotPassed("providerAuthorization");
    assertThat(requests.require(request.id()).outcomeReason()).contains("未写明使用系统");
  }

  @Test
  void jinanHasNoNormativeCheckSoTheProviderGetsTheRequestFirst() {
    policy.activate("jinan");
    ShareRequest request = apply();
    ProcessInstance pi = instance(request);
    BpmnAwareTests.assertThat(pi).isWaitingAt("providerAuthorization").hasNotPassed("normativeCheck");
  }

  @Test
  void nanchangGivesTheProviderFiveWorkingDays() {
    policy.activate("nanchang");
    ShareRequest request = apply();
    ProcessInstance pi = instance(request);
    complete(task(pi), withVariables("checkPassed", true));
    var authorization = task(pi);
    Instant expected = calendar.due(authorization.getCreateTime().toInstant(), 5).dueAt();
    assertThat(authorization.getDueDate().toInstant()).isEqualTo(expected);
  }
}
