package cn.govshare.correction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import cn.govshare.policy.ActivePolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the provider and its head see in Tasklist (through /engine-rest as the demo users): limits from the
 * profile, never written in the form (issue 19 item 9), and a returned task that opens empty (item 8).
 */
@GovShareTest
class CorrectionFormsTest {

  @LocalServerPort
  int port;

  @Autowired
  ActivePolicy policy;

  @Test
  void theVerifyFormWritesNoLimitAndShowsTheOneTheSystemSets() throws IOException {
    String form = Files.readString(Path.of("forms/verify-data.form"));
    assertThat(form).doesNotContainPattern("\\b15\\b").doesNotContain("\"max\"").contains("{{extensionHint}}",
        "{{periodHint}}");
    String head = Files.readString(Path.of("forms/approve-extension.form"));
    assertThat(head).doesNotContainPattern("\\b15\\b").contains("{{requestedDays}}", "{{extensionHint}}");

    String instance = report("户籍地址有误");
    JsonNode variables = formVariables("gaj-reviewer", task("gaj-reviewer", instance, "verifyData"));
    assertThat(variables.path("extensionHint").path("value").asText())
        .contains("延期累计不得超过" + cap() + "个工作日", "第二十五条", "尚可申请" + cap() + "个工作日");
    assertThat(variables.path("periodHint").path("value").asText()).contains("5个工作日", "第二十五条");
    assertThat(variables.path("resourceCode").path("value").asText()).isEqualTo("RK-001");
  }

  @Test
  void aReturnedVerifyTaskAndTheHeadsNextFormOpenEmpty() {
    String instance = report("出生日期有误");
    submit("gaj-reviewer", task("gaj-reviewer", instance, "verifyData"), Map.of("outcome", "NEED_EXTENSION",
        "extensionDays", 4, "extensionReason", "需调取纸质档案"));
    String head = task("gaj-head", instance, "approveExtension");
    JsonNode request = formVariables("gaj-head", head);
    assertThat(request.path("requestedDays").path("value").asInt()).isEqualTo(4);
    assertThat(request.path("requestedReason").path("value").asText()).isEqualTo("需调取纸质档案");
    submit("gaj-head", head, Map.of("extensionApproved", false, "headComment", "可调阅电子档案"));

    JsonNode returned = formVariables("gaj-reviewer", task("gaj-reviewer", instance, "verifyData"));
    assertThat(returned.has("outcome")).as(returned.toString()).isFalse();
    assertThat(returned.has("extensionDays")).isFalse();
    assertThat(returned.has("extensionReason")).isFalse();
    assertThat(returned.path("extensionsSoFar").path("value").asInt()).isZero();

    submit("gaj-reviewer", task("gaj-reviewer", instance, "verifyData"), Map.of("outcome", "NEED_EXTENSION",
        "extensionDays", 2, "extensionReason", "档案外借"));
    JsonNode again = formVariables("gaj-head", task("gaj-head", instance, "approveExtension"));
    assertThat(again.has("extensionApproved")).as(again.toString()).isFalse();
    assertThat(again.has("headComment")).isFalse();
    assertThat(again.path("requestedDays").path("value").asInt()).isEqualTo(2);
  }

  @Test
  void onlyTheProvidersOwnHeadSeesAndDecidesTheExtension() {
    String instance = report("姓名用字错误");
    submit("gaj-reviewer", task("gaj-reviewer", instance, "verifyData"), Map.of("outcome", "NEED_EXTENSION",
        "extensionDays", 3, "extensionReason", "需调取纸质档案"));
    for (String other : new String[] {"gaj-reviewer", "scjgj-head", "rsj-head"}) {
      assertThat(ApiClient.as(port, other).get("/engine-rest/task?processInstanceId=" + instance
          + "&taskDefinitionKey=approveExtension").json()).as(other).isEmpty();
    }
    String head = task("gaj-head", instance, "approveExtension");
    assertThat(submit("scjgj-head", head, Map.of("extensionApproved", true)).status()).isGreaterThanOrEqualTo(400);
    assertThat(submit("gaj-head", head, Map.of("extensionApproved", true)).status()).isEqualTo(204);
    JsonNode verify = formVariables("gaj-reviewer", task("gaj-reviewer", instance, "verifyData"));
    assertThat(verify.path("extensionsSoFar").path("value").asInt()).isEqualTo(3);
    assertThat(verify.path("extensionHint").path("value").asText()).contains("尚可申请" + (cap() - 3) + "个工作日");
  }

  /** The effective extension cap (baseline 15 WD, 5 under the national ceiling): the form must show the profile's. */
  private int cap() {
    return policy.limit("R22-EXT").amount();
  }

  private String report(String description) {
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/corrections", Map.of(
        "resourceCode", "RK-001", "recordLocator", "430521199001015678", "description", description));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("processInstanceId").asText();
  }

  private String task(String user, String instance, String key) {
    JsonNode tasks = ApiClient.as(port, user)
        .get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(user + " " + key).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private JsonNode formVariables(String user, String taskId) {
    ApiClient.Response response = ApiClient.as(port, user).get("/engine-rest/task/" + taskId + "/form-variables");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private ApiClient.Response submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return ApiClient.as(port, user).post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }
}
