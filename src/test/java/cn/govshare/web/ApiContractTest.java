package cn.govshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20: the served OpenAPI description cannot drift from the code. A share request runs end to end with
 * every /api call found by its operationId in /v3/api-docs and every request and response checked against the
 * description's schemas (swagger-request-validator). The reviewers' steps go through /engine-rest, as Tasklist's
 * do: that API is Camunda's and is not part of the description.
 */
@GovShareTest
class ApiContractTest {

  @LocalServerPort
  int port;

  private JsonNode description;
  private OpenApiInteractionValidator validator;

  @BeforeEach
  void readTheServedDescription() {
    ApiClient.Response served = ApiClient.anonymous(port).get("/v3/api-docs");
    assertThat(served.status()).isEqualTo(200);
    description = served.json();
    validator = OpenApiInteractionValidator.createForInlineApiSpecification(served.text()).build();
  }

  @Test
  void shareRequestRunsEndToEndThroughTheDescribedOperations() {
    JsonNode me = call("rsj-applicant", "getMe", Map.of(), Map.of(), null, 200);
    assertThat(me.path("department").asText()).isEqualTo("rsj");

    JsonNode resource = call("rsj-applicant", "getResource", Map.of("code", "RK-002"), Map.of(), null, 200);
    assertThat(resource.toString()).contains("姓名");

    JsonNode created = call("rsj-applicant", "submitShareRequest", Map.of(), Map.of(), Map.of(
        "resourceCode", "RK-002", "purpose", "WORK_REFERENCE", "reason", "接口契约测试：核对参保人员户籍变动",
        "systemName", "社会保险业务系统", "requestedFields", List.of("公民身份号码", "姓名")), 201);
    String id = created.path("id").asText();
    String instance = created.path("processInstanceId").asText();

    complete("operator", instance, "normativeCheck", Map.of("checkPassed", true));
    complete("gaj-reviewer", instance, "providerAuthorization", Map.of("approved", true, "grantScope", "公民身份号码,姓名"));

    JsonNode request = call("rsj-applicant", "getShareRequest", Map.of("id", id), Map.of(), null, 200);
    assertThat(request.path("status").asText()).isEqualTo("GRANTED");
    assertThat(request.path("statusLabel").asText()).isEqualTo("已同意共享");
    assertThat(request.path("grant").path("scope").asText()).isEqualTo("公民身份号码,姓名");
    assertThat(request.path("grant").path("purpose").asText()).isEqualTo("WORK_REFERENCE");
    assertThat(request.path("purposeLabel").asText()).isEqualTo("工作参考");
    assertThat(request.path("deadlines").findValuesAsText("dueText")).allMatch(text -> text.matches(
        "\\d{4}年\\d{1,2}月\\d{1,2}日（星期[一二三四五六日]）前"));

    JsonNode mine = call("rsj-applicant", "listShareRequests", Map.of(), Map.of("mine", "true"), null, 200);
    assertThat(mine.findValuesAsText("id")).contains(id);
    JsonNode check = call("rsj-applicant", "checkGrant", Map.of(),
        Map.of("dept", "rsj", "resource", "RK-002", "purpose", "WORK_REFERENCE", "field", "姓名"), null, 200);
    assertThat(check.path("allowed").asBoolean()).isTrue();

    // another department's request is a described problem detail, not a leak
    JsonNode hidden = call("mzj-applicant", "getShareRequest", Map.of("id", id), Map.of(), null, 404);
    assertThat(hidden.path("detail").asText()).contains("不存在");
  }

  @Test
  void descriptionCoversOnlyTheProductApiWithChineseSummariesAndBasicLogin() {
    assertThat(description.path("openapi").asText()).startsWith("3.");
    assertThat(description.path("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));
    assertThat(description.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    for (JsonNode operation : operations().values()) {
      assertThat(operation.path("summary").asText()).as(operation.path("operationId").asText())
          .matches(".*\\p{IsHan}.*");
      assertThat(operation.path("tags").get(0).asText()).matches(".*\\p{IsHan}.*");
      assertThat(operation.at("/responses/400/content/application~1problem+json/schema/$ref").asText())
          .endsWith("/Problem");
    }
  }

  @Test
  void validatorRefusesAnAnswerThatDoesNotMatchTheDescription() {
    // the control for the test above: a drifted answer (roles as a string) is reported, not waved through
    ValidationReport report = validator.validateResponse("/api/me", Request.Method.GET,
        SimpleResponse.Builder.ok().withContentType("application/json")
            .withBody("{\"userId\": \"rsj-applicant\", \"roles\": \"APPLICANT\"}").build());
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void callerIsNeverARequestParameter() {
    assertThat(description.findValuesAsText("name")).doesNotContain("caller");
  }

  /** Calls the operation with this operationId as the user, validates both sides, returns the body. */
  private JsonNode call(String user, String operationId, Map<String, String> pathParameters,
      Map<String, String> query, Object body, int expectedStatus) {
    Map.Entry<String, String> found = locate(operationId);
    String method = found.getKey();
    String path = found.getValue();
    for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
      path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
    }
    String url = path + (query.isEmpty() ? "" : "?" + query.entrySet().stream()
        .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")));
    ApiClient.Response response = ApiClient.as(port, user).send(method.toUpperCase(), url, body, "application/json");
    assertThat(response.status()).as(operationId + " " + response).isEqualTo(expectedStatus);

    SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method.toUpperCase()), path)
        .withAuthorization("Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .withAccept("application/json");
    query.forEach(request::withQueryParam);
    if (body != null) {
      request.withContentType("application/json").withBody(ApiClient.JSON.valueToTree(body).toString());
    }
    String contentType = response.header("Content-Type");
    JsonNode answer = response.json();
    SimpleResponse.Builder validated = SimpleResponse.Builder.status(response.status())
        .withContentType(contentType.replaceAll(";.*", ""))
        .withBody(withoutNulls(answer.deepCopy()).toString());
    ValidationReport report = validator.validate(request.build(), validated.build());
    assertThat(report.getMessages()).as(operationId + ": " + report).isEmpty();
    return answer;
  }

  /** (method, path template) of an operation in the served description. */
  private Map.Entry<String, String> locate(String operationId) {
    for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (operationId.equals(method.getValue().path("operationId").asText())) {
          return Map.entry(method.getKey(), path.getKey());
        }
      }
    }
    throw new AssertionError("no operation " + operationId + " in /v3/api-docs");
  }

  private Map<String, JsonNode> operations() {
    Map<String, JsonNode> all = new HashMap<>();
    description.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
        method -> all.put(method.getKey() + " " + path.getKey(), method.getValue())));
    return all;
  }

  /** A property the API leaves null is an absent optional property (the description does not mark nullability). */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new java.util.ArrayList<>();
      object.fields().forEachRemaining(field -> {
        if (field.getValue().isNull()) {
          nulls.add(field.getKey());
        } else {
          withoutNulls(field.getValue());
        }
      });
      object.remove(nulls);
    } else if (node.isArray()) {
      node.forEach(ApiContractTest::withoutNulls);
    }
    return node;
  }

  private void complete(String user, String instance, String taskKey, Map<String, Object> values) {
    JsonNode tasks = ApiClient.as(port, user)
        .get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + taskKey).json();
    assertThat(tasks).as(user + " sees " + taskKey).hasSize(1);
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    ApiClient.Response done = ApiClient.as(port, user).post("/engine-rest/task/" + tasks.get(0).path("id").asText()
        + "/submit-form", Map.of("variables", variables));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }
}
