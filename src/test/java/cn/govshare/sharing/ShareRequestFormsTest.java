package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.calendar.DueText;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 25: what a share request's forms show besides its contract variables is read from the request, the
 * catalogue and the task when Tasklist opens the form ({@code GET /engine-rest/task/{id}/form-variables}), and is
 * no process variable: no door writes it, no other department reads it.
 */
@GovShareTest
class ShareRequestFormsTest {

  @LocalServerPort
  int port;

  @Autowired
  TaskService tasks;

  @Test
  void tasklistsFormShowsTheRequestFromItsRecordsAndTheCaseHoldsNoCopyOfIt() {
    String instance = apply("表单测试：核对户籍变动", List.of("姓名", "公民身份号码"));
    String check = taskOf("operator", instance, "normativeCheck");

    JsonNode form = ApiClient.as(port, "operator").get("/engine-rest/task/" + check + "/form-variables").json();
    assertThat(form.path("resourceName").path("value").asText()).isEqualTo("户籍变动信息");
    assertThat(form.path("applicantName").path("value").asText()).isEqualTo("市人社局");
    assertThat(form.path("providerName").path("value").asText()).isEqualTo("市公安局");
    assertThat(form.path("purposeLabel").path("value").asText()).isEqualTo("工作参考");
    assertThat(form.path("requestedFieldsText").path("value").asText()).isEqualTo("姓名、公民身份号码");
    assertThat(form.path("availableFields").path("value").asText()).contains("姓名", "公民身份号码");
    assertThat(form.path("conditions").path("value").asText()).isNotBlank();
    assertThat(form.path("dueText").path("value").asText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日（星期.）前办结");
    assertThat(form.path("incompleteAllowed").path("type").asText()).isEqualTo("Boolean");
    // the contract's start variables are variables still, and the form shows them as before
    assertThat(form.path("resourceCode").path("value").asText()).isEqualTo("RK-002");
    assertThat(form.path("reason").path("value").asText()).isEqualTo("表单测试：核对户籍变动");

    JsonNode variables = ApiClient.as(port, "admin").get("/engine-rest/process-instance/" + instance + "/variables")
        .json();
    List<String> names = new ArrayList<>();
    variables.fieldNames().forEachRemaining(names::add);
    assertThat(names).contains("resourceCode", "applicantDept", "purpose", "reason", "systemName")
        .doesNotContainAnyElementsOf(ShareRequestForms.NAMES);
  }

  @Test
  void aVariableOfTheSameNameNeverReplacesWhatTheFormShowsAndAnotherDepartmentReadsNothing() {
    String instance = apply("表单测试：伪造", List.of());
    String check = taskOf("operator", instance, "normativeCheck");
    ApiClient.Response forged = ApiClient.as(port, "operator").put("/engine-rest/task/" + check
        + "/variables/resourceName", Map.of("value", "伪造的资源", "type", "String"));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    // even an administrator's variable of that name is not what the form shows
    ApiClient.Response admin = ApiClient.as(port, "admin").put("/engine-rest/process-instance/" + instance
        + "/variables/resourceName", Map.of("value", "管理员写的", "type", "String"));
    assertThat(admin.status()).as(admin.toString()).isEqualTo(204);

    JsonNode form = ApiClient.as(port, "operator").get("/engine-rest/task/" + check + "/form-variables").json();
    assertThat(form.path("resourceName").path("value").asText()).isEqualTo("户籍变动信息");
    assertThat(form.path("requestedFieldsText").path("value").asText()).isEqualTo("全部数据项");

    assertThat(ApiClient.as(port, "mzj-applicant").get("/engine-rest/task/" + check + "/form-variables").status())
        .as("a department that holds no part of the case").isBetween(403, 404);
    assertThat(ApiClient.anonymous(port).get("/engine-rest/task/" + check + "/form-variables").status())
        .isEqualTo(401);
  }

  @Test
  void theDueTextIsTheTasksDueDateAsItStandsWhenTheFormOpens() {
    String check = taskOf("operator", apply("表单测试：期限", List.of()), "normativeCheck");
    Task task = tasks.createTaskQuery().taskId(check).singleResult();
    assertThat(dueText(check)).isEqualTo(DueText.lastDay(task.getDueDate().toInstant()) + "办结");
    // a recomputation (a new year's holidays loaded) moves an open task's due date in place
    Instant moved = task.getDueDate().toInstant().plus(Duration.ofDays(7));
    task.setDueDate(Date.from(moved));
    tasks.saveTask(task);
    assertThat(dueText(check)).isEqualTo(DueText.lastDay(moved) + "办结");
  }

  private String dueText(String taskId) {
    return ApiClient.as(port, "operator").get("/engine-rest/task/" + taskId + "/form-variables").json()
        .path("dueText").path("value").asText();
  }

  private String apply(String reason, List<String> fields) {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", reason, "systemName", "社会保险业务系统"));
    if (!fields.isEmpty()) {
      body.put("requestedFields", fields);
    }
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("processInstanceId").asText();
  }

  private String taskOf(String user, String instance, String key) {
    JsonNode tasks = ApiClient.as(port, user).get("/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(user + " sees " + key).hasSize(1);
    return tasks.get(0).path("id").asText();
  }
}
