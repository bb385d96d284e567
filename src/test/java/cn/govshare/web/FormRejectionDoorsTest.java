package cn.govshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.FormRejection;
import cn.govshare.GovShareTest;
import cn.govshare.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ProblemDetail;

/**
 * Issue 18 class 7: a FormRejection thrown by a task listener, an execution listener or a delegate (and so
 * wrapped by the engine, ENGINE-03051 …) is a 400 naming the field at every door: /engine-rest, the web apps'
 * engine API, and /api. The task stays open and the refused value is not stored.
 */
@GovShareTest
class FormRejectionDoorsTest {

  private static final String USER = "mzj-applicant";

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ProblemDetailsAdvice advice;

  @BeforeEach
  void deployProbe() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("formRejectionProbe").count() == 0) {
      repository.createDeployment().addClasspathResource("bpmn-test/form-rejection-probe.bpmn")
          .addClasspathResource("bpmn-test/form-rejection-probe.form").deploy();
    }
  }

  @Test
  void aRefusalInATaskListenerIsA400NamingTheFieldAtEveryEngineDoor() {
    String note = "太长".repeat(RefusingProbe.MAX_NOTE);
    for (String action : new String[] {"complete", "submit-form"}) {
      assertRefused(action, Map.of("note", Map.of("value", note)), "note", "说明不能超过");
    }
  }

  @Test
  void aRefusalInAnExecutionListenerOrADelegateIsA400Too() {
    for (String action : new String[] {"complete", "submit-form"}) {
      assertRefused(action, Map.of("route", Map.of("value", "bad")), "route", "路线无效");
      assertRefused(action, Map.of("amount", Map.of("value", -1, "type", "Integer")), "amount", "数量不能为负数");
    }
  }

  @Test
  void aJavaSerializedValueIsA400NamingTheVariableNotA500() {
    Task task = startProbe();
    ApiClient.Response response = ApiClient.as(port, USER).post("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", Map.of("note", Map.of("value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
                "serializationDataFormat", "application/x-java-serialized-object")))));
    assertRejection(response, task, "note", "不接受 Java 序列化格式的变量值");
  }

  @Test
  void theProductApiAnswersAWrappedRefusalWith400NamingTheField() {
    ProcessEngineException wrapped = new ProcessEngineException(
        "ENGINE-03051 There was an exception while invoking the TaskListener. Message: '拒绝理由必填（denialReason）'",
        new FormRejection("denialReason", "拒绝理由必填"));
    ProblemDetail problem = advice.engine(wrapped).getBody();
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties()).containsEntry("field", "denialReason");
    assertThat(problem.getDetail()).startsWith("拒绝理由必填").doesNotContain("ENGINE-");
  }

  @Test
  void otherEngineFailuresKeepCamundasAnswer() {
    ApiClient.Response missing = ApiClient.as(port, USER).get("/engine-rest/task/no-such-task");
    assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
    assertThat(missing.json().path("type").asText()).isNotEqualTo("FormRejection");
  }

  private void assertRefused(String action, Map<String, Object> variables, String field, String message) {
    byte[] body = json(Map.of("variables", variables));
    Task engineRestTask = startProbe();
    ApiClient.Response viaEngineRest = ApiClient.as(port, USER)
        .sendBytes("POST", "/engine-rest/task/" + engineRestTask.getId() + "/" + action, body, "application/json");
    assertRejection(viaEngineRest, engineRestTask, field, message);

    Task webappTask = startProbe();
    ApiClient.Response viaWebapp = WebappSession.login(port, USER)
        .send("POST", "/task/" + webappTask.getId() + "/" + action, body, "application/json");
    assertRejection(viaWebapp, webappTask, field, message);
  }

  private void assertRejection(ApiClient.Response response, Task task, String field, String message) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    JsonNode error = response.json();
    assertThat(error.path("type").asText()).isEqualTo("FormRejection");
    assertThat(error.path("field").asText()).isEqualTo(field);
    assertThat(error.path("message").asText()).startsWith(message).doesNotContain("ENGINE-");
    assertThat(error.has("code")).isTrue();
    // nothing happened: the task is still open and the refused value was not stored
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtime.getVariables(task.getProcessInstanceId())).doesNotContainKey(field);
  }

  private Task startProbe() {
    String instance = runtime.startProcessInstanceByKey("formRejectionProbe", Map.of("assignee", USER)).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private static byte[] json(Object value) {
    try {
      return ApiClient.JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
