package cn.govshare.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.federation.api.FederationPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * R24 end to end (nanchang 14, 16; hubei 12, 18–20) on two GovShare platforms, each with its own database
 * ({@link TwoPlatforms}): a city department applies for a provincial resource on the city platform, the city checks
 * it under the Nanchang profile and forwards it; the province's operator and provider act at the province; the
 * answer comes back by the city's poll, the grant is mirrored and the city's grant check answers for it. Then a bulk
 * application (整体授权) for three city departments, and a province outage in the middle of a forwarding.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {

  /** Thursday after the 2025 National Day week (Oct 1–8 off, Sat Oct 11 a working day). */
  static final String AFTER_NATIONAL_DAY = "2025-10-09T09:00:00+08:00";
  static final Duration PATIENCE = Duration.ofSeconds(90);

  static TwoPlatforms platforms;

  @BeforeAll
  static void start() throws Exception {
    platforms = TwoPlatforms.start();
    for (ApiClient admin : List.of(platforms.province("admin"), platforms.city("admin"))) {
      assertThat(admin.put("/api/admin/clock", Map.of("now", AFTER_NATIONAL_DAY)).status()).isEqualTo(200);
    }
    ApiClient.Response synced = platforms.city("operator").post("/api/federation/upper-catalog/sync", Map.of());
    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    assertThat(synced.json().path("upperPlatform").asText()).isEqualTo(TwoPlatforms.PROVINCE_NAME);
  }

  @AfterAll
  static void stop() throws Exception {
    if (platforms != null) {
      platforms.close();
    }
  }

  @Test
  @Order(1)
  void cityCatalogueShowsProvincialResourcesWithTheProvinceAsProvider() {
    JsonNode entry = platforms.city("mzj-applicant").get("/api/catalog/resources/UP-SJ-001").json();
    assertThat(entry.path("upper").asBoolean()).as(entry.toString()).isTrue();
    assertThat(entry.path("upperProvider").asText()).contains("省人社厅").contains(TwoPlatforms.PROVINCE_NAME);
    assertThat(entry.path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(entry.path("items").findValuesAsText("name")).contains("公民身份号码", "参保状态");
    JsonNode listed = platforms.city("mzj-applicant").get("/api/catalog/resources?q=全省").json();
    assertThat(listed.toString()).contains("UP-SJ-002").contains("\"upper\":true");
    // nobody at the city answers for the province, and nobody at the city edits its entries
    ApiClient.Response edit = platforms.city("operator").put("/api/catalog/resources/UP-SJ-001",
        Map.of("code", "UP-SJ-001", "name", "改名"));
    assertThat(edit.status()).isBetween(400, 499);
  }

  @Test
  @Order(2)
  void aCityRequestGoesUpIsAnsweredAtTheProvinceAndComesBackWithAMirroredGrant() {
    ApiClient applicant = platforms.city("mzj-applicant");
    JsonNode submitted = submit(applicant, "UP-SJ-001", "WORK_REFERENCE", List.of("公民身份号码", "姓名", "参保状态"));
    long id = submitted.path("id").asLong();
    cityCheck(submitted.path("businessKey").asText());

    // nanchang 14: checked and handed over in one step; 待上级平台受理 until the province has it
    JsonNode forwarding = request(applicant, id);
    assertThat(forwarding.path("status").asText()).isEqualTo("FORWARDING");
    assertThat(forwarding.path("statusLabel").asText()).isEqualTo("待上级平台受理");
    assertThat(forwarding.path("upper").path("state").asText()).isEqualTo("GATHERING");
    sendNow(id);
    JsonNode accepted = await(applicant, id, r -> "UPPER_REVIEW".equals(r.path("status").asText()));
    String reference = accepted.path("upper").path("upperReference").asText();
    assertThat(reference).startsWith("SR-");
    // the city's period of check + forwarding is met; the province's own deadlines are shown as it reports them
    assertThat(deadline(accepted, "R24-FORWARD").path("state").asText()).isEqualTo("MET");
    JsonNode provinceCheck = upperDeadline(accepted, "R12");
    assertThat(provinceCheck.path("article").asText()).contains("第十九条");
    assertThat(provinceCheck.path("dueDate").asText()).isNotBlank();

    platforms.completeProvinceTask(TwoPlatforms.PROVINCE_OPERATOR, reference, "normativeCheck",
        Map.of("checkPassed", true));
    await(applicant, id, r -> r.path("upper").path("upperDeadlines").toString().contains("R13"));
    platforms.completeProvinceTask("srst-reviewer", reference, "providerAuthorization", Map.of("approved", true,
        "grantScope", "公民身份号码,姓名", "grantValidUntil", "2026-10-08"));

    JsonNode granted = await(applicant, id, r -> "GRANTED".equals(r.path("status").asText()));
    JsonNode grant = granted.path("grant");
    assertThat(grant.path("sourceType").asText()).isEqualTo("UPPER");
    assertThat(grant.path("scope").asText()).isEqualTo("公民身份号码,姓名");
    assertThat(grant.path("validUntil").asText()).isEqualTo("2026-10-08");
    assertThat(grant.path("department").asText()).isEqualTo("mzj");
    // R14: the applicant is told when the answer arrives
    assertThat(granted.path("notifications").toString()).contains("上级平台同意共享");
    // the city's grant check answers for the mirrored grant, within its scope only
    assertThat(check(applicant, "mzj", "UP-SJ-001", "WORK_REFERENCE", "姓名").path("allowed").asBoolean()).isTrue();
    assertThat(check(applicant, "mzj", "UP-SJ-001", "WORK_REFERENCE", "参保状态").path("allowed").asBoolean())
        .isFalse();
    assertThat(check(applicant, "mzj", "UP-SJ-001", "ADMINISTRATIVE_BASIS", null).path("allowed").asBoolean())
        .isFalse();

    // R21 at the province: its provider suspends the grant; the city's mirror follows and its check says no
    long provinceGrant = provinceApplications(submitted.path("businessKey").asText()).get(0).path("grants").get(0)
        .path("grantId").asLong();
    ApiClient.Response suspended = platforms.province("srst-reviewer").post("/api/grants/" + provinceGrant
        + "/suspend", Map.of("reason", "发现超范围使用，暂停核查"));
    assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
    JsonNode mirrored = await(applicant, id, r -> "SUSPENDED".equals(r.path("grant").path("status").asText()));
    assertThat(mirrored.path("grant").path("sourceType").asText()).isEqualTo("UPPER");
    assertThat(check(applicant, "mzj", "UP-SJ-001", "WORK_REFERENCE", "姓名").path("allowed").asBoolean()).isFalse();
  }

  @Test
  @Order(3)
  void aRefusalAtTheProvinceReachesTheApplicantWithTheProvidersReasons() {
    ApiClient applicant = platforms.city("rsj-applicant");
    JsonNode submitted = submit(applicant, "UP-SJ-001", "DATA_VERIFICATION", List.of("缴费基数"));
    long id = submitted.path("id").asLong();
    cityCheck(submitted.path("businessKey").asText());
    sendNow(id);
    String reference = await(applicant, id, r -> "UPPER_REVIEW".equals(r.path("status").asText()))
        .path("upper").path("upperReference").asText();
    platforms.completeProvinceTask(TwoPlatforms.PROVINCE_OPERATOR, reference, "normativeCheck",
        Map.of("checkPassed", true));
    platforms.completeProvinceTask("srst-reviewer", reference, "providerAuthorization", Map.of("approved", false,
        "denialReason", "缴费基数仅在确有必要时提供，本次申请未说明必要性"));
    JsonNode refused = await(applicant, id, r -> "REFUSED".equals(r.path("status").asText()));
    assertThat(refused.path("outcomeReason").asText()).contains("未说明必要性");
    assertThat(refused.path("notifications").toString()).contains("上级平台不予共享").contains("未说明必要性");
    assertThat(refused.path("grant").isNull() || refused.path("grant").isMissingNode()).isTrue();
    assertThat(check(applicant, "rsj", "UP-SJ-001", "DATA_VERIFICATION", null).path("allowed").asBoolean()).isFalse();
  }

  @Test
  @Order(4)
  void threeDepartmentsAreGatheredIntoOneBulkApplicationAndTheAnswerFansOutToEach() {
    List<String> users = List.of("mzj-applicant", "rsj-applicant", "gaj-reviewer");
    List<Long> requests = new ArrayList<>();
    for (String user : users) {
      JsonNode submitted = submit(platforms.city(user), "UP-SJ-002", "BUSINESS_COLLABORATION",
          List.of("公民身份号码", "证件类型", "有效期至"));
      requests.add(submitted.path("id").asLong());
      cityCheck(submitted.path("businessKey").asText());
    }
    List<Long> applications = requests.stream().map(FederationIT::applicationOf).toList();
    assertThat(applications).doesNotHaveDuplicates();
    ApiClient operator = platforms.city("operator");
    // nanchang 16: the platform operator decides what goes together; departments may not
    assertThat(platforms.city("mzj-applicant").post("/api/federation/upper-applications/" + applications.get(0)
        + "/merge", Map.of("applications", applications.subList(1, 3))).status()).isEqualTo(403);
    ApiClient.Response merged = operator.post("/api/federation/upper-applications/" + applications.get(0) + "/merge",
        Map.of("applications", applications.subList(1, 3)));
    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    assertThat(merged.json().path("requests").findValuesAsText("department"))
        .containsExactlyInAnyOrder("mzj", "rsj", "gaj");
    assertThat(operator.post("/api/federation/upper-applications/" + applications.get(0) + "/send", Map.of())
        .status()).isEqualTo(200);

    List<String> references = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      references.add(await(platforms.city(users.get(i)), requests.get(i),
          r -> "UPPER_REVIEW".equals(r.path("status").asText())).path("upper").path("upperReference").asText());
    }
    assertThat(references).containsOnly(references.get(0));
    // one application at the province lists every department
    JsonNode atProvince = provinceApplications("UA-" + applications.get(0));
    assertThat(atProvince.size()).isEqualTo(1);
    assertThat(atProvince.get(0).path("bulk").asBoolean()).isTrue();
    assertThat(atProvince.get(0).path("departments").findValuesAsText("code"))
        .containsExactlyInAnyOrder("mzj", "rsj", "gaj");

    String reference = references.get(0);
    platforms.completeProvinceTask(TwoPlatforms.PROVINCE_OPERATOR, reference, "normativeCheck",
        Map.of("checkPassed", true));
    platforms.completeProvinceTask("sgat-reviewer", reference, "providerAuthorization", Map.of("approved", true,
        "grantScope", "公民身份号码,证件类型", "grantValidUntil", "2026-12-31"));
    List<String> departments = List.of("mzj", "rsj", "gaj");
    for (int i = 0; i < users.size(); i++) {
      ApiClient user = platforms.city(users.get(i));
      JsonNode granted = await(user, requests.get(i), r -> "GRANTED".equals(r.path("status").asText()));
      assertThat(granted.path("grant").path("department").asText()).isEqualTo(departments.get(i));
      assertThat(granted.path("grant").path("validUntil").asText()).isEqualTo("2026-12-31");
      assertThat(granted.path("notifications").toString()).contains("上级平台同意共享");
      assertThat(check(user, departments.get(i), "UP-SJ-002", "BUSINESS_COLLABORATION", "证件类型")
          .path("allowed").asBoolean()).isTrue();
    }
  }

  @Test
  @Order(5)
  void aDepartmentCannotForgeTheForwardingTheAnswerOrTheGrant() {
    ApiClient applicant = platforms.city("mzj-applicant");
    JsonNode submitted = submit(applicant, "UP-SJ-001", "ADMINISTRATIVE_BASIS", List.of("参保状态"));
    long id = submitted.path("id").asLong();
    String businessKey = submitted.path("businessKey").asText();
    // a body cannot route or own the request
    ApiClient.Response forged = applicant.post("/api/share-requests", Map.of("resourceCode", "UP-SJ-001",
        "purpose", "WORK_REFERENCE", "reason", "x", "systemName", "y", "route", "REVIEW"));
    assertThat(forged.status()).isEqualTo(400);
    cityCheck(businessKey);
    String instance = request(applicant, id).path("processInstanceId").asText();
    JsonNode waiting = platforms.city("supervisor").get("/engine-rest/execution?processInstanceId=" + instance
        + "&activityId=awaitUpperAcceptance").json();
    assertThat(waiting.size()).isEqualTo(1);
    String execution = waiting.get(0).path("id").asText();
    // the department pushes its own case past 待上级平台受理, with an answer and a grant of its own making
    ApiClient.Response signal = applicant.post("/engine-rest/execution/" + execution + "/signal",
        Map.of("variables", Map.of("approved", Map.of("value", true), "grantScope", Map.of("value", ""))));
    assertThat(signal.status()).isBetween(400, 499);
    // whatever a variable says (written or refused), it decides nothing: the rows and the poll do
    applicant.post("/engine-rest/process-instance/" + instance + "/variables", Map.of("modifications",
        Map.of("approved", Map.of("value", true), "applicantDept", Map.of("value", "gaj"))));
    assertThat(platforms.city("operator").post("/engine-rest/execution/" + execution + "/signal", Map.of())
        .status()).isBetween(400, 499);
    assertThat(applicant.post("/api/federation/upper-applications/" + applicationOf(id) + "/send", Map.of())
        .status()).isEqualTo(403);
    JsonNode still = request(applicant, id);
    assertThat(still.path("status").asText()).isEqualTo("FORWARDING");
    assertThat(check(applicant, "mzj", "UP-SJ-001", "ADMINISTRATIVE_BASIS", null).path("allowed").asBoolean())
        .isFalse();
    // the provider here is the province: no city department may suspend or answer for it
    assertThat(platforms.city("gaj-reviewer").get("/engine-rest/task?processInstanceId=" + instance).json().size())
        .isZero();
  }

  @Test
  @Order(9)
  void aProvinceOutageKeepsTheApplicationRetriesAndDeliversItOnceWithABreachOnTheCitySide() {
    ApiClient applicant = platforms.city("rsj-applicant");
    JsonNode submitted = submit(applicant, "UP-SJ-001", "WORK_REFERENCE", List.of("公民身份号码", "参保险种"));
    long id = submitted.path("id").asLong();
    String businessKey = submitted.path("businessKey").asText();
    cityCheck(businessKey);
    platforms.provinceDown();
    sendNow(id);
    // the city keeps it, shows 待上级平台受理 and retries with back-off
    JsonNode waiting = await(applicant, id, r -> r.path("upper").path("attempts").asInt() >= 2);
    assertThat(waiting.path("statusLabel").asText()).isEqualTo("待上级平台受理");
    assertThat(waiting.path("upper").path("lastError").asText()).isNotBlank();
    assertThat(waiting.path("upper").path("nextAttemptAt").asText()).isNotBlank();

    // the forwarding period (3 WD from receipt, nanchang 14) passes while the province is down: a breach here
    assertThat(platforms.city("admin").put("/api/admin/clock", Map.of("now", "2025-10-14T10:00:00+08:00")).status())
        .isEqualTo(200);
    JsonNode breached = await(applicant, id, r -> "BREACHED".equals(deadline(r, "R24-FORWARD").path("state").asText()));
    assertThat(breached.path("status").asText()).isEqualTo("FORWARDING");

    // a slow province: the answer does not come back within the city's timeout, the forwarding is repeated
    platforms.provinceUp();
    platforms.provinceSlow(Duration.ofSeconds(4));
    await(applicant, id, r -> r.path("upper").path("attempts").asInt() >= 4);
    platforms.provinceUp();
    JsonNode delivered = await(applicant, id, r -> "UPPER_REVIEW".equals(r.path("status").asText()));
    assertThat(deadline(delivered, "R24-FORWARD").path("state").asText()).isEqualTo("LATE");
    // nothing lost, nothing sent twice: one application at the province for this request
    assertThat(provinceApplications(businessKey).size()).isEqualTo(1);
  }

  // --- helpers

  static JsonNode submit(ApiClient user, String resource, String purpose, List<String> fields) {
    ApiClient.Response created = user.post("/api/share-requests", Map.of("resourceCode", resource, "purpose", purpose,
        "reason", "跨层级核查，依据《社会救助暂行办法》第十一条", "systemName", "南昌市社会救助信息系统",
        "requestedFields", fields));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  /** R12 at the city: the city's own operator passes the check (nanchang 14). */
  static void cityCheck(String businessKey) {
    ApiClient operator = platforms.city("operator");
    JsonNode tasks = operator.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey
        + "&taskDefinitionKey=normativeCheck").json();
    assertThat(tasks.size()).as(tasks.toString()).isEqualTo(1);
    ApiClient.Response done = operator.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
        Map.of("variables", Map.of("checkPassed", Map.of("value", true))));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  static long applicationOf(long requestId) {
    String forwarding = request(platforms.city("operator"), requestId).path("upper").path("forwarding").asText();
    assertThat(forwarding).startsWith("UA-");
    return Long.parseLong(forwarding.substring(3));
  }

  static void sendNow(long requestId) {
    ApiClient.Response sent = platforms.city("operator").post("/api/federation/upper-applications/"
        + applicationOf(requestId) + "/send", Map.of());
    assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
  }

  static JsonNode request(ApiClient user, long id) {
    ApiClient.Response response = user.get("/api/share-requests/" + id);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  static JsonNode await(ApiClient user, long id, Predicate<JsonNode> condition) {
    Instant until = Instant.now().plus(PATIENCE);
    JsonNode last = null;
    while (Instant.now().isBefore(until)) {
      last = request(user, id);
      if (condition.test(last)) {
        return last;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("request " + id + " never reached the expected state; last: " + last + "; city log "
        + platforms.cityLog());
  }

  static JsonNode deadline(JsonNode request, String rule) {
    for (JsonNode deadline : request.path("deadlines")) {
      if (rule.equals(deadline.path("rule").asText())) {
        return deadline;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  static JsonNode upperDeadline(JsonNode request, String rule) {
    for (JsonNode deadline : request.path("upper").path("upperDeadlines")) {
      if (rule.equals(deadline.path("rule").asText())) {
        return deadline;
      }
    }
    throw new AssertionError("no upper deadline " + rule + " in " + request.path("upper"));
  }

  static JsonNode check(ApiClient user, String dept, String resource, String purpose, String field) {
    ApiClient.Response answer = user.get("/api/grants/check?dept=" + dept + "&resource=" + resource + "&purpose="
        + purpose + (field == null ? "" : "&field=" + java.net.URLEncoder.encode(field,
        java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  /** The province's applications from the city platform with this lower reference (asked as the city's account). */
  static JsonNode provinceApplications(String lowerReference) {
    JsonNode all = platforms.peer().get(FederationPaths.APPLICATIONS).json();
    com.fasterxml.jackson.databind.node.ArrayNode matching = ApiClient.JSON.createArrayNode();
    for (JsonNode application : all.path("applications")) {
      if (lowerReference.equals(application.path("lowerReference").asText())) {
        matching.add(application);
      }
    }
    return matching;
  }
}
