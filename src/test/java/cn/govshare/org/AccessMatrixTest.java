package cn.govshare.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §4 as a matrix: every endpoint GovShare's users rely on (product API and the Camunda endpoints
 * Tasklist and Cockpit use) × every demo role. Allowed means the call is not refused (no 401/403, no
 * 5xx); refused means 403 or 404 (404 where the object's existence is itself the department's
 * business). Anonymous callers get 401 everywhere. The failures list every cell that disagrees.
 */
@GovShareTest
class AccessMatrixTest {

  static final List<String> ROLES = List.of("admin", "operator", "supervisor", "office", "leader", "gaj-reviewer",
      "gaj-head", "rsj-applicant", "mzj-applicant");
  static final Set<String> READERS = Set.of("admin", "operator", "supervisor");
  static final Set<String> GAJ = Set.of("gaj-reviewer", "gaj-head");

  @LocalServerPort
  int port;

  String requestId;
  String taskId;
  String instanceId;
  String grantId;
  String deadlineId;

  /** rsj asks gaj for RK-002 (checked, waiting for gaj) and takes RK-001 directly (a grant). */
  @BeforeEach
  void fixtures() {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", "权限矩阵", "systemName", "社会保险业务系统"));
    JsonNode request = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body).json();
    requestId = request.path("id").asText();
    instanceId = request.path("processInstanceId").asText();
    String check = ApiClient.as(port, "operator").get("/engine-rest/task?processInstanceId=" + instanceId).json()
        .get(0).path("id").asText();
    ApiClient.as(port, "operator").post("/engine-rest/task/" + check + "/complete",
        Map.of("variables", Map.of("checkPassed", Map.of("value", true))));
    taskId = ApiClient.as(port, "admin").get("/engine-rest/task?processInstanceId=" + instanceId).json().get(0)
        .path("id").asText();
    for (JsonNode deadline : ApiClient.as(port, "supervisor").get("/api/deadlines?dept=gaj&size=200").json()
        .path("content")) {
      // the provider's answer period is the providerAnswer sub-process's row (national 20, 21), not the task's
      if (instanceId.equals(deadline.path("processInstanceId").asText())
          && "providerAnswer".equals(deadline.path("taskDefinitionKey").asText())) {
        deadlineId = deadline.path("id").asText();
      }
    }
    body.put("resourceCode", "RK-001");
    String direct = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body).json().path("id").asText();
    grantId = ApiClient.as(port, "rsj-applicant").get("/api/share-requests/" + direct).json().path("grantId").asText();
    assertThat(List.of(taskId, deadlineId, grantId)).doesNotContain("", "null");
  }

  record Cell(String method, String path, Object body, Set<String> allowed) {
  }

  List<Cell> matrix() {
    Set<String> requestParties = union(READERS, GAJ, Set.of("rsj-applicant"));
    Set<String> deadlineReaders = union(READERS, GAJ, Set.of("office", "leader"));
    return List.of(
        new Cell("GET", "/api/share-requests/" + requestId, null, requestParties),
        new Cell("GET", "/api/grants/check?dept=rsj&resource=RK-001&purpose=WORK_REFERENCE", null, requestParties),
        // R21: only the provider suspends; a blank reason makes the allowed call a harmless 400
        new Cell("POST", "/api/grants/" + grantId + "/suspend", Map.of("reason", ""), GAJ),
        new Cell("GET", "/api/deadlines/" + deadlineId, null, deadlineReaders),
        new Cell("GET", "/api/breaches?dept=gaj", null, deadlineReaders),
        new Cell("GET", "/api/statistics?dept=gaj", null, deadlineReaders),
        new Cell("GET", "/api/audit?dept=gaj", null, union(Set.of("admin", "supervisor"), GAJ)),
        new Cell("GET", "/api/audit/verify", null, Set.of("admin", "supervisor")),
        new Cell("PUT", "/api/admin/clock", Map.of(), Set.of("admin")),
        new Cell("PUT", "/api/calendar/days/2026-12-31", Map.of(), Set.of("admin")),
        new Cell("PUT", "/api/calendar/years/2027", Map.of(), Set.of("admin")),
        // issue 21: a body that is no notice makes the allowed call a harmless 400
        new Cell("POST", "/api/calendar/notices/preview", Map.of(), Set.of("admin")),
        new Cell("POST", "/api/calendar/notices?amend=true", Map.of(), Set.of("admin")),
        // R5: the responsible department or the platform edits the catalogue (blank name: a 400 if allowed)
        new Cell("POST", "/api/catalog/resources", Map.of("code", "ACL-001", "name", "", "responsibleDepartment", "gaj",
            "classification", "DEPARTMENT", "shareType", "UNCONDITIONAL"), union(GAJ, Set.of("operator"))),
        // an unknown update obligation makes the allowed call a harmless 4xx; refused callers never get that far
        new Cell("POST", "/api/catalog/resources/RK-002/retire", Map.of("obligationId", -1), union(GAJ, Set.of("operator"))),
        // Camunda: the provider's task is seen and worked by its candidate group; supervisors read it
        new Cell("GET", "/engine-rest/task/" + taskId, null, union(GAJ, Set.of("admin", "supervisor"))),
        new Cell("GET", "/engine-rest/task/" + taskId + "/form-variables", null, union(GAJ, Set.of("admin", "supervisor"))),
        new Cell("GET", "/engine-rest/process-instance/" + instanceId, null, Set.of("admin", "supervisor")),
        new Cell("GET", "/engine-rest/history/process-instance/" + instanceId, null, Set.of("admin", "supervisor")));
  }

  @Test
  void everyRoleGetsExactlyWhatSpecSection4Gives() {
    List<String> wrong = new ArrayList<>();
    for (Cell cell : matrix()) {
      for (String role : ROLES) {
        int status = ApiClient.as(port, role).send(cell.method(), cell.path(), cell.body(), "application/json").status();
        boolean allowed = cell.allowed().contains(role);
        boolean ok = allowed ? status != 401 && status != 403 && status < 500 : status == 403 || status == 404;
        if (!ok) {
          wrong.add(role + " " + cell.method() + " " + cell.path() + " → " + status + (allowed ? " (should pass)"
              : " (should be refused)"));
        }
      }
      int anonymous = ApiClient.anonymous(port).send(cell.method(), cell.path(), cell.body(), "application/json")
          .status();
      if (anonymous != 401) {
        wrong.add("anonymous " + cell.method() + " " + cell.path() + " → " + anonymous);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void nobodyCompletesATaskOfAGroupTheyAreNotInAndTheApplicantCannotDecideItsOwnRequest() {
    Map<String, Object> approve = Map.of("variables",
        Map.of("approved", Map.of("value", true), "grantScope", Map.of("value", "姓名")));
    for (String role : List.of("rsj-applicant", "mzj-applicant", "operator", "office", "leader", "supervisor")) {
      int status = ApiClient.as(port, role).post("/engine-rest/task/" + taskId + "/complete", approve).status();
      assertThat(status).as(role + " completes gaj's task").isIn(403, 404);
      assertThat(ApiClient.as(port, role).post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", role))
          .status()).as(role + " claims gaj's task").isIn(403, 404);
    }
    assertThat(ApiClient.as(port, "admin").get("/engine-rest/task/" + taskId).json().path("assignee").isNull()).isTrue();
    assertThat(ApiClient.as(port, "gaj-reviewer").post("/engine-rest/task/" + taskId + "/complete", approve).status())
        .isEqualTo(204);
  }

  @Test
  void onlyAdministratorsDeploy() {
    String boundary = "govshare-acl";
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="urn:acl">
          <process id="acl-probe" name="权限探针" isExecutable="true" camunda:historyTimeToLive="P1096D">
            <startEvent id="s"/><endEvent id="e"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/>
          </process>
        </definitions>
        """;
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nacl-probe\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"acl-probe.bpmn\"; filename=\"acl-probe.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String type = "multipart/form-data; boundary=" + boundary;
    for (String role : ROLES) {
      int status = ApiClient.as(port, role).sendBytes("POST", "/engine-rest/deployment/create", bytes, type).status();
      assertThat(status).as(role + " deploys").isEqualTo(role.equals("admin") ? 200 : 403);
    }
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new java.util.HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return all;
  }
}
