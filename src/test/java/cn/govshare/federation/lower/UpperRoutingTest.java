package cn.govshare.federation.lower;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.Classification;
import cn.govshare.catalog.ResourceItem;
import cn.govshare.catalog.ResourceStatus;
import cn.govshare.catalog.ShareType;
import cn.govshare.catalog.UpdateCycle;
import cn.govshare.policy.ActivePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The city side of R24 on one node (no upper platform configured, so nothing leaves): which requests may go up,
 * that a checked one goes into the outbox in the check's own transaction with its R24-FORWARD period, and that
 * neither a department nor the operator can push it past 待上级平台受理 or gather it by hand at will.
 */
@GovShareTest
class UpperRoutingTest {

  @LocalServerPort
  int port;

  @Autowired
  ActivePolicy policy;

  @Autowired
  CatalogService catalog;

  @Autowired
  ForwardingMapper mapper;

  @AfterEach
  void baseline() {
    policy.activate("baseline");
  }

  @Test
  void underHubeiACheckedRequestIsInTheOutboxAtOnceAndNobodyCanSignalItPastTheWait() {
    policy.activate("hubei");
    String code = upperEntry(ShareType.CONDITIONAL);
    JsonNode created = apply("rsj-applicant", code, List.of("姓名"));
    check(created);

    JsonNode request = request("rsj-applicant", created);
    assertThat(request.path("status").asText()).isEqualTo("FORWARDING");
    assertThat(request.path("statusLabel").asText()).isEqualTo("待上级平台受理");
    // hubei has no 整体授权 (no R24-BULK): no gathering, straight into the outbox
    assertThat(request.path("upper").path("state").asText()).isEqualTo("PENDING");
    JsonNode forward = deadline(request, "R24-FORWARD");
    assertThat(forward.path("state").asText()).isEqualTo("OPEN");
    assertThat(forward.path("citation").asText()).contains("第十九条");
    Forwarding outbox = mapper.find(Long.parseLong(request.path("upper").path("forwarding").asText().substring(3)));
    assertThat(outbox.upperCode()).isEqualTo(code.substring(3));
    assertThat(outbox.idempotencyKey()).isNotBlank();
    assertThat(outbox.attempts()).isZero();

    String instance = request.path("processInstanceId").asText();
    JsonNode waiting = ApiClient.as(port, "supervisor").get("/engine-rest/execution?processInstanceId=" + instance
        + "&activityId=awaitUpperAcceptance").json();
    assertThat(waiting.size()).isEqualTo(1);
    for (String user : List.of("rsj-applicant", "operator", "admin")) {
      ApiClient.Response signal = ApiClient.as(port, user).post("/engine-rest/execution/"
          + waiting.get(0).path("id").asText() + "/signal", Map.of());
      assertThat(signal.status()).as(user + " " + signal).isBetween(400, 499);
    }
    assertThat(request("rsj-applicant", created).path("status").asText()).isEqualTo("FORWARDING");
    assertThat(mapper.find(outbox.id()).state()).isEqualTo(ForwardingState.PENDING);
  }

  @Test
  void aNotSharedUpperEntryAndAProfileWithoutUpperApplicationsAreRefusedAtSubmission() {
    ApiClient.Response notShared = ApiClient.as(port, "rsj-applicant").post("/api/share-requests",
        body(upperEntry(ShareType.NOT_SHARED), List.of()));
    assertThat(notShared.status()).isEqualTo(400);
    assertThat(notShared.json().path("field").asText()).isEqualTo("resourceCode");

    policy.activate("jinan");
    ApiClient.Response jinan = ApiClient.as(port, "rsj-applicant").post("/api/share-requests",
        body(upperEntry(ShareType.CONDITIONAL), List.of()));
    assertThat(jinan.status()).isEqualTo(400);
    assertThat(jinan.json().path("detail").asText()).contains("未规定向上级平台申请");
  }

  @Test
  void underNanchangTheOperatorGathersOnlyLikeRequestsAndDepartmentsGatherNothing() {
    policy.activate("nanchang");
    String code = upperEntry(ShareType.CONDITIONAL);
    JsonNode first = apply("rsj-applicant", code, List.of("姓名", "公民身份号码"));
    JsonNode second = apply("mzj-applicant", code, List.of("公民身份号码", "姓名"));
    JsonNode other = apply("gaj-reviewer", code, List.of("姓名"));
    for (JsonNode created : List.of(first, second, other)) {
      check(created);
    }
    long a = forwarding(first);
    long b = forwarding(second);
    long c = forwarding(other);
    assertThat(mapper.find(a).state()).isEqualTo(ForwardingState.GATHERING);

    ApiClient operator = ApiClient.as(port, "operator");
    ApiClient.Response unlike = operator.post("/api/federation/upper-applications/" + a + "/merge",
        Map.of("applications", List.of(c)));
    assertThat(unlike.status()).isEqualTo(400);
    assertThat(unlike.json().path("field").asText()).isEqualTo("applications");
    assertThat(ApiClient.as(port, "mzj-applicant").post("/api/federation/upper-applications/" + a + "/merge",
        Map.of("applications", List.of(b))).status()).isEqualTo(403);

    ApiClient.Response merged = operator.post("/api/federation/upper-applications/" + a + "/merge",
        Map.of("applications", List.of(b)));
    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    assertThat(merged.json().path("requests").findValuesAsText("department")).containsExactlyInAnyOrder("rsj", "mzj");
    assertThat(mapper.find(b).state()).isEqualTo(ForwardingState.MERGED);
    assertThat(request("mzj-applicant", second).path("upper").path("bulk").asBoolean()).isTrue();
    assertThat(request("mzj-applicant", second).path("steps").findValuesAsText("step")).contains("gatheredIntoBulk");

    assertThat(operator.post("/api/federation/upper-applications/" + a + "/send", Map.of()).status()).isEqualTo(200);
    assertThat(mapper.find(a).state()).isEqualTo(ForwardingState.PENDING);
    // sent (in the outbox): nothing more can be gathered into it
    assertThat(operator.post("/api/federation/upper-applications/" + a + "/merge",
        Map.of("applications", List.of(c))).status()).isEqualTo(409);
  }

  /** An upper entry as the catalogue sync writes it, with its upper code. */
  private String upperEntry(ShareType shareType) {
    String upperCode = "T" + UUID.randomUUID().toString().substring(0, 8);
    String code = "UP-" + upperCode;
    Instant now = Instant.parse("2025-10-09T01:00:00Z");
    catalog.mirrorUpper(new CatalogResource(code, "全省测试资源", Classification.DEPARTMENT, null, "upper-platform",
        "上级平台资源", UpdateCycle.DAILY, shareType, "限于法定职责", "见上级平台目录", "仅限授权范围", false, false, false,
        null, List.of(new ResourceItem("公民身份号码", shareType), new ResourceItem("姓名", shareType)), List.of(),
        ResourceStatus.PUBLISHED, 1, now, "system", true, "省人社厅（湖北省政务数据共享平台）"), "system");
    mapper.deleteUpperResource(code);
    mapper.insertUpperResource(code, upperCode, "srst", 1, now);
    return code;
  }

  private static Map<String, Object> body(String code, List<String> fields) {
    return Map.of("resourceCode", code, "purpose", "WORK_REFERENCE", "reason", "跨层级核查",
        "systemName", "社会救助信息系统", "requestedFields", fields);
  }

  private JsonNode apply(String user, String code, List<String> fields) {
    ApiClient.Response created = ApiClient.as(port, user).post("/api/share-requests", body(code, fields));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private void check(JsonNode created) {
    ApiClient operator = ApiClient.as(port, "operator");
    JsonNode tasks = operator.get("/engine-rest/task?processInstanceBusinessKey=" + created.path("businessKey").asText()
        + "&taskDefinitionKey=normativeCheck").json();
    assertThat(tasks.size()).isEqualTo(1);
    assertThat(operator.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
        Map.of("variables", Map.of("checkPassed", Map.of("value", true)))).status()).isEqualTo(204);
  }

  private long forwarding(JsonNode created) {
    return Long.parseLong(request("operator", created).path("upper").path("forwarding").asText().substring(3));
  }

  private JsonNode request(String user, JsonNode created) {
    return ApiClient.as(port, user).get("/api/share-requests/" + created.path("id").asLong()).json();
  }

  private static JsonNode deadline(JsonNode request, String rule) {
    for (JsonNode deadline : request.path("deadlines")) {
      if (rule.equals(deadline.path("rule").asText())) {
        return deadline;
      }
    }
    throw new AssertionError("no deadline " + rule + " in " + request.path("deadlines"));
  }
}
