package cn.govshare.correction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18 class 7 for corrections: every text is checked against its column and refused naming the field,
 * never cut; attachment names carry no path, ".." or control characters; a content type is a real media type
 * of sensible length. Nothing is written by a refused request.
 */
@GovShareTest
class CorrectionInputTest {

  static final String CONTENT = Base64.getEncoder().encodeToString("证明".getBytes());

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void hostileAttachmentsAreRefusedNamingTheField() {
    int before = count();
    assertRefused(attachment("../../../../etc/passwd", "text/plain"), "attachments[0].fileName");
    assertRefused(attachment("C:\\Windows\\win.ini", "text/plain"), "attachments[0].fileName");
    assertRefused(attachment("证明\u0000.txt", "text/plain"), "attachments[0].fileName");
    assertRefused(attachment("发票\u202Etxt.exe", "text/plain"), "attachments[0].fileName");
    assertRefused(attachment("长".repeat(201) + ".txt", "text/plain"), "attachments[0].fileName");
    assertRefused(attachment("证明.txt", "text/" + "x".repeat(4000)), "attachments[0].contentType");
    assertRefused(attachment("证明.txt", "不是类型"), "attachments[0].contentType");
    assertRefused(attachment("证明.txt", "*/*"), "attachments[0].contentType");
    assertThat(count()).isEqualTo(before);

    ApiClient.Response accepted = ApiClient.as(port, "rsj-applicant").post("/api/corrections",
        attachment("营业执照 副本(1).pdf", "application/pdf"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
  }

  @Test
  void textsLongerThanTheirColumnsAreRefusedNotCut() {
    int before = count();
    assertRefused(Map.of("resourceCode", "FR-001", "recordLocator", "x".repeat(501), "description", "错误"),
        "recordLocator");
    assertRefused(Map.of("resourceCode", "FR-001", "recordLocator", "x", "description", "错".repeat(2001)),
        "description");
    assertRefused(Map.of("resourceCode", "FR-001", "recordLocator", "x", "description", "错误",
        "evidence", "证".repeat(4001)), "evidence");
    assertThat(count()).isEqualTo(before);

    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/corrections", Map.of(
        "resourceCode", "FR-001", "recordLocator", "x", "description", "错".repeat(2000), "evidence",
        "证".repeat(4000)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(jdbc.queryForObject("SELECT evidence FROM gs_correction WHERE id = ?", String.class, id))
        .hasSize(4000);
  }

  @Test
  void aFormTextLongerThanItsColumnIsRefusedAndTheTaskStaysOpen() {
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/corrections", Map.of(
        "resourceCode", "FR-001", "recordLocator", "91430500MA4L0ZZZZ", "description", "经营范围有误"));
    long id = created.json().path("id").asLong();
    String instance = created.json().path("processInstanceId").asText();
    String verify = task(instance);
    for (String field : List.of("correctionNote", "extensionReason")) {
      Map<String, Object> values = field.equals("correctionNote")
          ? Map.of("outcome", "CORRECTED", "correctionNote", "更".repeat(2001))
          : Map.of("outcome", "NEED_EXTENSION", "extensionDays", 1, "extensionReason", "理".repeat(2001));
      ApiClient.Response refused = submit(verify, values);
      assertThat(refused.status()).as(refused.toString()).isGreaterThanOrEqualTo(400);
      assertThat(refused.text()).contains(field, "2000");
      assertThat(task(instance)).isEqualTo(verify);
    }
    assertThat(jdbc.queryForObject("SELECT status FROM gs_correction WHERE id = ?", String.class, id))
        .isEqualTo("OPEN");
    assertThat(submit(verify, Map.of("outcome", "CORRECTED", "correctionNote", "更".repeat(2000))).status())
        .isEqualTo(204);
    assertThat(jdbc.queryForObject("SELECT result_note FROM gs_correction WHERE id = ?", String.class, id))
        .hasSize(2000);
  }

  private Map<String, Object> attachment(String fileName, String contentType) {
    return Map.of("resourceCode", "FR-001", "recordLocator", "91430500MA4L0AAAA", "description", "登记机关有误",
        "attachments", List.of(Map.of("fileName", fileName, "contentType", contentType, "base64", CONTENT)));
  }

  private void assertRefused(Map<String, Object> body, String field) {
    ApiClient.Response response = ApiClient.as(port, "rsj-applicant").post("/api/corrections", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).isEqualTo(field);
  }

  private int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gs_correction", Integer.class);
  }

  private String task(String instance) {
    JsonNode tasks = ApiClient.as(port, "scjgj-reviewer")
        .get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=verifyData").json();
    assertThat(tasks).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private ApiClient.Response submit(String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return ApiClient.as(port, "scjgj-reviewer").post("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", variables));
  }
}
