package cn.govshare.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@GovShareTest
class FoundationTest {

  static final List<String> DEMO_USERS = List.of("operator", "gaj-reviewer", "gaj-head", "scjgj-reviewer",
      "scjgj-head", "rsj-applicant", "rsj-head", "mzj-applicant", "office", "leader", "supervisor", "admin");

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @BeforeAll
  static void deployProbe(@Autowired RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("visibilityProbe").count() == 0) {
      repository.createDeployment().addClasspathResource("bpmn-test/visibility-probe.bpmn").deploy();
    }
  }

  @Test
  void engineRestAnswers401WithoutCredentialsAnd200ForAdmin() {
    ApiClient.Response anonymous = ApiClient.anonymous(port).get("/engine-rest/engine");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.header("Content-Type")).contains("application/problem+json");
    assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);

    assertThat(ApiClient.as(port, "admin").get("/engine-rest/engine").status()).isEqualTo(200);
  }

  @Test
  void productApiAnswers401ForMissingOrWrongCredentials() {
    assertThat(ApiClient.anonymous(port).get("/api/org/departments").status()).isEqualTo(401);
    ApiClient.Response wrong = ApiClient.withPassword(port, "no-such-user", "wrong").get("/api/org/departments");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().path("type").asText()).isEqualTo("urn:govshare:problem:unauthorized");
  }

  @Test
  void everyDemoUserLogsInWithPasswordEqualToUserId() {
    for (String user : DEMO_USERS) {
      assertThat(ApiClient.as(port, user).get("/api/org/departments").status()).as(user).isEqualTo(200);
      assertThat(ApiClient.as(port, user).get("/engine-rest/user/" + user + "/profile").status()).as(user)
          .isEqualTo(200);
    }
  }

  @Test
  void departmentListShowsPublicSecurityBureauInChinese() {
    JsonNode departments = ApiClient.as(port, "mzj-applicant").get("/api/org/departments").json();
    assertThat(departments.findValuesAsText("code")).contains("dsj", "gaj", "scjgj", "rsj", "mzj", "bgt");
    JsonNode gaj = find(departments, "gaj");
    assertThat(gaj.path("name").asText()).isEqualTo("市公安局");
    assertThat(gaj.path("responsiblePerson").asText()).isNotBlank();
  }

  @Test
  void departmentMemberSeesOnlyItsOwnDepartmentsTasksAndSupervisorSeesAll() {
    String instance = runtime.startProcessInstanceByKey("visibilityProbe", Map.of("group", "scjgj")).getId();
    String query = "/engine-rest/task?processInstanceId=" + instance;

    assertThat(ApiClient.as(port, "gaj-reviewer").get(query).json()).isEmpty();
    assertThat(ApiClient.as(port, "scjgj-reviewer").get(query).json()).hasSize(1);
    assertThat(ApiClient.as(port, "supervisor").get(query).json()).hasSize(1);

    String taskId = ApiClient.as(port, "supervisor").get(query).json().get(0).path("id").asText();
    assertThat(ApiClient.as(port, "gaj-reviewer").post("/engine-rest/task/" + taskId + "/complete", Map.of())
        .status()).isIn(403, 404);
    assertThat(ApiClient.as(port, "supervisor").post("/engine-rest/task/" + taskId + "/complete", Map.of())
        .status()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
  }

  @Test
  void onlyAdministratorsDeploy() {
    String bpmn = "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'/>";
    String boundary = "govshareBoundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    ApiClient.Response response = ApiClient.as(port, "rsj-applicant")
        .send("POST", "/engine-rest/deployment/create", body, "multipart/form-data; boundary=" + boundary);
    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void malformedJsonGetsProblemDetailNotServerError() {
    ApiClient.Response response = ApiClient.as(port, "admin")
        .send("POST", "/api/org/departments", "{code: ", "application/json");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(response.json().path("field").asText()).isEqualTo("body");
  }

  @Test
  void wrongFieldTypeIsNamedInTheProblem() {
    ApiClient.Response response = ApiClient.as(port, "admin")
        .post("/api/org/departments", Map.of("code", List.of("x"), "name", "某局"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).isEqualTo("code");
  }

  @Test
  void missingFieldIsNamedInTheProblem() {
    ApiClient.Response response = ApiClient.as(port, "admin").post("/api/org/departments", Map.of("code", "abc"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).isEqualTo("name");
  }

  @Test
  void unknownRouteGetsProblemDetail404() {
    ApiClient.Response response = ApiClient.as(port, "admin").get("/api/no-such-thing");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(response.text()).doesNotContain("Exception");
  }

  @Test
  void onlyAdministratorsRegisterDepartments() {
    Map<String, String> body = Map.of("code", "tjj", "name", "市统计局", "responsiblePerson", "黄蓉");
    assertThat(ApiClient.as(port, "operator").post("/api/org/departments", body).status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "admin").post("/api/org/departments", body).status()).isEqualTo(201);
    assertThat(ApiClient.as(port, "admin").post("/api/org/departments", body).status()).isEqualTo(409);
    assertThat(ApiClient.as(port, "rsj-applicant").get("/api/org/departments/tjj").json().path("name").asText())
        .isEqualTo("市统计局");
  }

  @Test
  void healthShowsDatabaseAndProcessEngine() {
    // issue 18 class 8: the details are for supervisors and administrators (HealthDetailsTest)
    JsonNode health = ApiClient.as(port, "supervisor").get("/actuator/health").json();
    assertThat(health.path("components").has("db")).isTrue();
    assertThat(health.path("components").has("processEngine")).isTrue();
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
  }

  private static JsonNode find(JsonNode array, String code) {
    for (JsonNode node : array) {
      if (code.equals(node.path("code").asText())) {
        return node;
      }
    }
    throw new AssertionError("no department " + code);
  }
}
