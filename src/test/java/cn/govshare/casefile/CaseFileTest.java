package cn.govshare.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case file above each decision step (issue 20), through every door: the task's holders, the parties and
 * supervisors read it; another department, the anonymous and the web apps' session on any other /api path do not.
 */
@GovShareTest
class CaseFileTest {

  @LocalServerPort
  int port;

  @Test
  void theProvidersReviewShowsTheRequestThePartiesTheCheckAndItsOwnDeadline() {
    String task = providerTask("案卷测试：核对户籍变动");
    JsonNode answer = ApiClient.as(port, "gaj-reviewer").get("/api/tasks/" + task + "/case-file").json();
    JsonNode file = answer.path("caseFile");
    assertThat(file.path("facts").toString()).contains("户籍变动信息（RK-002）", "工作参考", "案卷测试：核对户籍变动",
        "社会保险业务系统", "全部数据项");
    assertThat(file.path("parties").findValuesAsText("name")).containsExactly("市人社局", "市公安局");
    assertThat(file.path("opinions").findValuesAsText("step")).containsExactly("提交申请", "规范性审查");
    assertThat(file.path("opinions").get(1).path("actor").asText()).isEqualTo("王敏");
    assertThat(file.path("opinions").get(1).path("department").asText()).isEqualTo("市大数据局");
    assertThat(answer.path("deadline").path("rule").asText()).isEqualTo("R13");
    assertThat(answer.path("deadline").path("citation").asText()).contains("第二十条");
    assertThat(answer.path("deadline").path("lastDay").asText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日（星期.）前");
    // the list columns come from the same rows, as variables of the task
    JsonNode columns = ApiClient.as(port, "gaj-reviewer").get("/engine-rest/task/" + task + "/variables").json();
    assertThat(columns.path("caseNumber").path("value").asText()).isEqualTo(file.path("businessKey").asText());
    assertThat(columns.path("caseRequester").path("value").asText()).isEqualTo("市人社局");
    assertThat(columns.path("caseResource").path("value").asText()).isEqualTo("户籍变动信息（RK-002）");
    // and Tasklist's list shows them: it reads them through a filter, with the user's own rights (a department may
    // read its tasks, not the process instances: variables of the instance would not show here)
    ApiClient hal = ApiClient.as(port, "gaj-reviewer").withHeader("Accept", "application/hal+json");
    JsonNode filters = ApiClient.as(port, "gaj-reviewer").get("/engine-rest/filter?resourceType=Task").json();
    assertThat(filters).as("the reviewer has Tasklist's filters").isNotEmpty();
    JsonNode listed = hal.post("/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list?maxResults=200",
        Map.of("taskId", task)).json().path("_embedded");
    assertThat(listed.path("task")).hasSize(1);
    assertThat(listed.path("task").get(0).path("_embedded").path("variable").findValuesAsText("name"))
        .contains("caseNumber", "caseRequester", "caseResource");
  }

  @Test
  void onlyHoldersPartiesAndSupervisorsReadACaseFile() {
    String task = providerTask("案卷测试：谁能读");
    String path = "/api/tasks/" + task + "/case-file";
    assertThat(ApiClient.as(port, "rsj-applicant").get(path).status()).as("the applicant, a party").isEqualTo(200);
    assertThat(ApiClient.as(port, "supervisor").get(path).status()).isEqualTo(200);
    assertThat(ApiClient.as(port, "mzj-applicant").get(path).status()).as("another department").isEqualTo(404);
    assertThat(ApiClient.as(port, "scjgj-reviewer").get(path).status()).as("another provider").isEqualTo(404);
    assertThat(ApiClient.anonymous(port).get(path).status()).isEqualTo(401);
    assertThat(ApiClient.as(port, "gaj-reviewer").get("/api/tasks/no-such-task/case-file").status()).isEqualTo(404);
  }

  @Test
  void tasklistsSessionReadsTheCaseFileAndNothingElseOfTheApi() {
    String task = providerTask("案卷测试：会话");
    WebappSession reviewer = WebappSession.login(port, "gaj-reviewer");
    assertThat(reviewer.read("/api/tasks/" + task + "/case-file").status()).isEqualTo(200);
    assertThat(reviewer.read("/api/share-requests").status()).as("only the case file is open to the session")
        .isEqualTo(401);
    assertThat(WebappSession.login(port, "mzj-applicant").read("/api/tasks/" + task + "/case-file").status())
        .isEqualTo(404);
  }

  @Test
  void theListColumnsAreThePlatformsAndNoUserWritesThem() {
    String task = providerTask("案卷测试：列");
    ApiClient reviewer = ApiClient.as(port, "gaj-reviewer");
    ApiClient.Response forged = reviewer.put("/engine-rest/task/" + task
        + "/localVariables/caseNumber", Map.of("value", "SR-伪造", "type", "String"));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    ApiClient.Response throughTask = reviewer.put("/engine-rest/task/" + task + "/variables/caseRequester",
        Map.of("value", "市民政局", "type", "String"));
    assertThat(throughTask.status()).as(throughTask.toString()).isEqualTo(400);
    String instance = reviewer.get("/engine-rest/task/" + task).json().path("processInstanceId").asText();
    ApiClient.Response onInstance = reviewer.put("/engine-rest/process-instance/" + instance
        + "/variables/caseNumber", Map.of("value", "SR-伪造", "type", "String"));
    assertThat(onInstance.status()).as(onInstance.toString()).isBetween(400, 499);
    ApiClient.Response onExecution = reviewer.post("/engine-rest/execution/" + instance + "/localVariables",
        Map.of("modifications", Map.of("caseNumber", Map.of("value", "SR-伪造", "type", "String"))));
    assertThat(onExecution.status()).as(onExecution.toString()).isBetween(400, 499);
    ApiClient.Response viaCompletion = ApiClient.as(port, "gaj-reviewer").post("/engine-rest/task/" + task
        + "/submit-form", Map.of("variables", Map.of("caseResource", Map.of("value", "别的资源"),
            "approved", Map.of("value", true))));
    assertThat(viaCompletion.status()).as(viaCompletion.toString()).isEqualTo(400);
    JsonNode columns = reviewer.get("/engine-rest/task/" + task + "/variables").json();
    assertThat(columns.path("caseResource").path("value").asText()).isEqualTo("户籍变动信息（RK-002）");
    assertThat(columns.path("caseNumber").path("value").asText()).startsWith("SR-").isNotEqualTo("SR-伪造");
    assertThat(columns.path("caseRequester").path("value").asText()).isEqualTo("市人社局");
  }

  @Test
  void theOfficeSeesTheRequestAndTheNegotiationRecordBeforeItCoordinates() {
    ApiClient mzj = ApiClient.as(port, "mzj-applicant");
    ApiClient.Response created = mzj.post("/api/share-requests", new HashMap<>(Map.of("resourceCode", "RK-003",
        "purpose", "ADMINISTRATIVE_BASIS", "reason", "案卷测试：核查救助对象", "systemName", "社会救助系统")));
    String disputeId = mzj.get("/api/share-requests/" + created.json().path("id").asLong()).json()
        .path("disputeRef").asText();
    String instance = ApiClient.as(port, "office").get("/api/disputes/" + disputeId).json().path("dispute")
        .path("processInstanceId").asText();
    String negotiation = taskOf("gaj-reviewer", instance, "negotiation");
    assertThat(ApiClient.as(port, "gaj-reviewer").post("/engine-rest/task/" + negotiation + "/submit-form",
        Map.of("variables", Map.of("agreed", Map.of("value", false), "negotiationResult", Map.of("value", "涉及侦查秘密"))))
        .status()).isEqualTo(204);
    String coordination = taskOf("office", instance, "officeCoordination");

    JsonNode file = ApiClient.as(port, "office").get("/api/tasks/" + coordination + "/case-file").json().path("caseFile");
    assertThat(file.path("title").asText()).isEqualTo("争议协调");
    assertThat(file.path("facts").toString()).contains("案卷测试：核查救助对象", "申请不予共享类资源");
    assertThat(file.path("parties").findValuesAsText("name")).containsExactly("市民政局", "市公安局");
    assertThat(file.path("opinions").toString()).contains("市公安局", "未能协商一致", "涉及侦查秘密");
    assertThat(ApiClient.as(port, "scjgj-reviewer").get("/api/tasks/" + coordination + "/case-file").status())
        .isEqualTo(404);
  }

  @Test
  void theVerifyStepListsTheAttachmentItCanDownload() {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "FR-001", "recordLocator", "91430500MA4L0ZZZZ",
        "description", "案卷测试：登记状态应为注销", "attachments", List.of(Map.of("fileName", "注销通知书.txt",
            "contentType", "text/plain", "base64", Base64.getEncoder().encodeToString("注销".getBytes())))));
    String instance = ApiClient.as(port, "rsj-applicant").post("/api/corrections", body).json()
        .path("processInstanceId").asText();
    String verify = taskOf("scjgj-reviewer", instance, "verifyData");
    JsonNode file = ApiClient.as(port, "scjgj-reviewer").get("/api/tasks/" + verify + "/case-file").json();
    assertThat(file.path("caseFile").path("attachments").findValuesAsText("fileName")).containsExactly("注销通知书.txt");
    assertThat(file.path("deadline").path("rule").asText()).isEqualTo("R22");
    // the download link of the case file: the task's variable through the web apps' session
    String variable = file.path("caseFile").path("attachments").get(0).path("variable").asText();
    assertThat(WebappSession.login(port, "scjgj-reviewer").send("GET", "/task/" + verify + "/variables/" + variable
        + "/data", null).text()).isEqualTo("注销");
  }

  private String providerTask(String reason) {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", reason, "systemName", "社会保险业务系统"));
    String instance = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body).json()
        .path("processInstanceId").asText();
    String check = taskOf("operator", instance, "normativeCheck");
    ApiClient.as(port, "operator").post("/engine-rest/task/" + check + "/submit-form",
        Map.of("variables", Map.of("checkPassed", Map.of("value", true))));
    return taskOf("gaj-reviewer", instance, "providerAuthorization");
  }

  private String taskOf(String user, String instance, String key) {
    JsonNode tasks = ApiClient.as(port, user).get("/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(user + " sees " + key).hasSize(1);
    return tasks.get(0).path("id").asText();
  }
}
