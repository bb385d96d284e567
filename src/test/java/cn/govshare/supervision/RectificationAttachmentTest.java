package cn.govshare.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The materials of a rectification answer (R29): the head holding the answer task uploads them, the issuer reviews
 * them in the case file and downloads them; nobody else uploads, bad files are refused naming the field, and the
 * stored file cannot be overwritten through /engine-rest.
 */
@GovShareTest
class RectificationAttachmentTest {

  @LocalServerPort
  int port;

  @Autowired
  TaskService tasks;

  @Autowired
  RuntimeService runtime;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theHeadsUploadIsInTheReviewersCaseFileAndDownloads() {
    String[] order = issue("整改附件：不予共享未说明理由");
    ApiClient head = ApiClient.as(port, "gaj-head");
    ApiClient.Response uploaded = head.post(path(order), file("整改报告.txt", "text/plain", "已重新答复"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().path("fileName").asText()).isEqualTo("整改报告.txt");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE action = 'RECTIFICATION_ATTACHMENT'"
        + " AND object_id = ?", Integer.class, order[0])).isEqualTo(1);

    String answer = taskId(order[1], "answerRectification");
    assertThat(head.post("/engine-rest/task/" + answer + "/complete",
        Map.of("variables", Map.of("measures", Map.of("value", "已重新答复并说明依据")))).status()).isEqualTo(204);
    String review = taskId(order[1], "reviewRectification");
    JsonNode caseFile = ApiClient.as(port, "supervisor").get("/api/tasks/" + review + "/case-file").json()
        .path("caseFile");
    assertThat(caseFile.path("title").asText()).isEqualTo("责令改正");
    assertThat(caseFile.path("facts").toString()).contains("整改附件：不予共享未说明理由", "说明理由");
    assertThat(caseFile.path("opinions").toString()).contains("已重新答复并说明依据");
    assertThat(caseFile.path("attachments").findValuesAsText("fileName")).containsExactly("整改报告.txt");
    String variable = caseFile.path("attachments").get(0).path("variable").asText();
    assertThat(WebappSession.login(port, "supervisor").send("GET", "/task/" + review + "/variables/" + variable
        + "/data", null).text()).isEqualTo("已重新答复");

    // answered: the head no longer holds the answer task
    assertThat(head.post(path(order), file("补充.txt", "text/plain", "补充")).status()).isEqualTo(409);
    assertThat(stored(order[1])).isEqualTo(1);
  }

  @Test
  void onlyTheHeadHoldingTheAnswerTaskUploads() {
    String[] order = issue("整改附件：他人上传");
    assertThat(ApiClient.as(port, "scjgj-head").post(path(order), file("a.txt", "text/plain", "x")).status())
        .isEqualTo(404);
    assertThat(ApiClient.as(port, "supervisor").post(path(order), file("a.txt", "text/plain", "x")).status())
        .isEqualTo(403);
    assertThat(ApiClient.as(port, "gaj-reviewer").post(path(order), file("a.txt", "text/plain", "x")).status())
        .isEqualTo(403);
    assertThat(stored(order[1])).isZero();
  }

  @Test
  void badFilesAreRefusedNamingTheFieldAndNothingIsStored() {
    String[] order = issue("整改附件：坏文件");
    ApiClient head = ApiClient.as(port, "gaj-head");
    assertRefused(head.post(path(order), Map.of("fileName", "a.txt", "contentType", "text/plain", "base64", "@@@")),
        "base64");
    String big = Base64.getEncoder().encodeToString(new byte[2 * 1024 * 1024 + 1]);
    assertRefused(head.post(path(order), Map.of("fileName", "a.txt", "contentType", "text/plain", "base64", big)),
        "base64");
    assertRefused(head.post(path(order), file("a.txt", "text/*", "x")), "contentType");
    assertRefused(head.post(path(order), file("../a.txt", "text/plain", "x")), "fileName");
    assertThat(stored(order[1])).isZero();
    for (int i = 1; i <= 5; i++) {
      assertThat(head.post(path(order), file("材料" + i + ".txt", "text/plain", "第" + i + "份")).status()).isEqualTo(201);
    }
    assertRefused(head.post(path(order), file("材料6.txt", "text/plain", "第6份")), "attachments");
    assertThat(stored(order[1])).isEqualTo(5);
  }

  @Test
  void theHolderCannotOverwriteTheStoredFileThroughEngineRest() {
    String[] order = issue("整改附件：覆盖");
    ApiClient head = ApiClient.as(port, "gaj-head");
    String variable = head.post(path(order), file("报告.txt", "text/plain", "原件")).json().path("variable").asText();
    String answer = taskId(order[1], "answerRectification");
    Map<String, Object> forged = Map.of("value", "伪造", "type", "String");
    assertThat(head.put("/engine-rest/task/" + answer + "/variables/" + variable, forged).status())
        .isGreaterThanOrEqualTo(400);
    assertThat(head.post("/engine-rest/task/" + answer + "/variables", Map.of("modifications",
        Map.of(variable, forged))).status()).isGreaterThanOrEqualTo(400);
    assertThat(head.post("/engine-rest/process-instance/" + order[1] + "/variables", Map.of("modifications",
        Map.of(variable, forged))).status()).isGreaterThanOrEqualTo(400);
    assertThat(head.post("/engine-rest/task/" + answer + "/complete", Map.of("variables",
        Map.of("measures", Map.of("value", "已整改"), variable, forged))).status()).isGreaterThanOrEqualTo(400);
    assertThat(WebappSession.login(port, "gaj-head").send("GET", "/task/" + answer + "/variables/" + variable
        + "/data", null).text()).isEqualTo("原件");
  }

  private String[] issue(String description) {
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    long violation = RectificationOrderTest.recordRefusal(supervisor, "gaj", description);
    ApiClient.Response issued = supervisor.post("/api/rectification-orders", Map.of("violationId", violation,
        "requirement", "说明理由"));
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    return new String[] {issued.json().path("id").asText(), issued.json().path("processInstanceId").asText()};
  }

  private static String path(String[] order) {
    return "/api/rectification-orders/" + order[0] + "/attachments";
  }

  private static Map<String, Object> file(String name, String type, String text) {
    return Map.of("fileName", name, "contentType", type, "base64",
        Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertRefused(ApiClient.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.text()).contains("\"" + field + "\"");
  }

  private String taskId(String instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
  }

  private long stored(String instance) {
    return runtime.getVariables(instance).keySet().stream()
        .filter(n -> n.startsWith(RectificationAttachments.VARIABLE)).count();
  }
}
