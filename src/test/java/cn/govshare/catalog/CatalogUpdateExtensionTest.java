package cn.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.calendar.WorkingCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R6 under national precedence (《政务数据共享条例》第十七条): 10 WD instead of the baseline's 15, and
 * one extension of at most 5 WD with the platform authority's consent, counted from the obligation.
 */
@GovShareTest
class CatalogUpdateExtensionTest {

  @LocalServerPort
  int port;

  @Autowired
  TaskService tasks;

  @Autowired
  WorkingCalendar calendar;

  @Test
  void theDepartmentGetsTenDaysAndOneExtensionApprovedByThePlatform() {
    JsonNode obligation = open();
    String instance = obligation.path("processInstanceId").asText();
    Instant created = Instant.parse(obligation.path("createdAt").asText());
    Task first = task(instance, "updateCatalog");
    assertThat(tasks.getIdentityLinksForTask(first.getId())).anyMatch(l -> "mzj".equals(l.getGroupId()));
    assertThat(first.getDueDate().toInstant()).isEqualTo(calendar.due(created, 10).dueAt());
    JsonNode deadline = deadline(instance, "updateCatalog");
    assertThat(deadline.path("citation").asText()).contains("第八条", "第十七条", "国家规定更严");

    // more than the profile allows, no reason, another department: refused, the task stays
    assertThat(submit("mzj-applicant", instance, "updateCatalog",
        Map.of("updateExtensionRequested", true, "updateExtensionDays", 6, "updateExtensionReason", "系统改造")))
        .isEqualTo("updateExtensionDays");
    assertThat(submit("mzj-applicant", instance, "updateCatalog",
        Map.of("updateExtensionRequested", true, "updateExtensionDays", 3, "updateExtensionReason", " ")))
        .isEqualTo("updateExtensionReason");
    assertThat(submit("mzj-applicant", instance, "updateCatalog", Map.of())).isEqualTo("updatedResourceCode");
    assertThat(ApiClient.as(port, "rsj-applicant")
        .get("/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
    assertThat(task(instance, "updateCatalog").getId()).isEqualTo(first.getId());

    assertThat(submit("mzj-applicant", instance, "updateCatalog",
        Map.of("updateExtensionRequested", true, "updateExtensionDays", 3, "updateExtensionReason", "需配套修改系统")))
        .isNull();
    Task approval = task(instance, "approveUpdateExtension");
    assertThat(tasks.getIdentityLinksForTask(approval.getId())).anyMatch(l -> "platform-operators".equals(l.getGroupId()));
    assertThat(submit("operator", instance, "approveUpdateExtension", Map.of("updateExtensionApproved", false)))
        .isEqualTo("updateExtensionComment");
    assertThat(submit("operator", instance, "approveUpdateExtension", Map.of("updateExtensionApproved", true))).isNull();

    Task extended = task(instance, "updateCatalog");
    assertThat(extended.getDueDate().toInstant()).isEqualTo(calendar.due(created, 13).dueAt());
    // once only
    assertThat(submit("mzj-applicant", instance, "updateCatalog",
        Map.of("updateExtensionRequested", true, "updateExtensionDays", 1, "updateExtensionReason", "再延一天")))
        .isEqualTo("updateExtensionRequested");
    JsonNode audit = ApiClient.as(port, "supervisor").get("/api/audit?limit=50").json();
    assertThat(audit).anyMatch(r -> r.path("action").asText().equals("CATALOG_UPDATE_EXTENDED")
        && r.path("objectId").asText().equals(obligation.path("id").asText()));
  }

  @Test
  void theUpdateTaskIsListedWithItsObligationAndShowsTheLegalChange() {
    JsonNode obligation = open();
    String update = task(obligation.path("processInstanceId").asText(), "updateCatalog").getId();
    assertThat(tasks.getVariablesLocal(update)).containsEntry("caseNumber", "obligation#" + obligation.path("id")
        .asText()).containsEntry("caseRequester", "市民政局");
    String path = "/api/tasks/" + update + "/case-file";
    JsonNode file = ApiClient.as(port, "mzj-applicant").get(path).json();
    assertThat(file.path("caseFile").path("facts").toString()).contains("《婚姻登记条例》修订");
    assertThat(file.path("deadline").path("rule").asText()).isEqualTo("R6");
    assertThat(ApiClient.as(port, "gaj-reviewer").get(path).status()).as("another department").isEqualTo(404);
  }

  private JsonNode open() {
    ApiClient.Response opened = ApiClient.as(port, "operator").post("/api/catalog/update-obligations",
        Map.of("department", "mzj", "legalChange", "《婚姻登记条例》修订"));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return opened.json();
  }

  private Task task(String instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
  }

  private JsonNode deadline(String instance, String key) {
    JsonNode page = ApiClient.as(port, "supervisor").get("/api/deadlines?rule=R6&size=200").json();
    for (JsonNode d : page.path("content")) {
      if (instance.equals(d.path("processInstanceId").asText()) && key.equals(d.path("taskDefinitionKey").asText())) {
        return d;
      }
    }
    throw new AssertionError("no deadline for " + key + " in " + page);
  }

  /** Submits the task form through /engine-rest as the user; returns the refused field, or null when accepted. */
  private String submit(String user, String instance, String key, Map<String, Object> values) {
    JsonNode found = ApiClient.as(port, user)
        .get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
    assertThat(found).as(user + " " + key).hasSize(1);
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    ApiClient.Response response = ApiClient.as(port, user)
        .post("/engine-rest/task/" + found.get(0).path("id").asText() + "/submit-form", Map.of("variables", variables));
    if (response.status() == 204) {
      return null;
    }
    // FormRejection is a BadUserRequestException: 400 naming the field once the input helper's mapping of a
    // rejection wrapped by a TaskListener is merged; until then engine-rest answers 500 with the same message
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    if (!response.json().path("field").asText().isEmpty()) {
      return response.json().path("field").asText();
    }
    Matcher field = Pattern.compile("（([A-Za-z]+)）").matcher(response.json().path("message").asText());
    String last = null;
    while (field.find()) {
      last = field.group(1);
    }
    assertThat(last).as(response.toString()).isNotNull();
    return last;
  }
}
