package cn.govshare.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.federation.api.FederationPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upper platform's side of R24 (nanchang 16; hubei 12, 18–20), driven through Wire API v1 as a city platform
 * would, against a real province node ({@link TwoPlatforms#provinceOnly()}) on its own database: a forwarded
 * application runs under the province's profile with its own operator, provider and deadlines; forwarding is
 * idempotent; every other door stays shut.
 */
class FederationUpperIT {

  /** Thursday after the 2025 National Day week (Oct 1–8 off, Sat Oct 11 a working day). */
  static final String AFTER_NATIONAL_DAY = "2025-10-09T09:00:00+08:00";

  static TwoPlatforms platforms;

  @BeforeAll
  static void startProvince() throws Exception {
    platforms = TwoPlatforms.provinceOnly();
    assertThat(platforms.province("admin").put("/api/admin/clock", Map.of("now", AFTER_NATIONAL_DAY)).status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    if (platforms != null) {
      platforms.close();
    }
  }

  /** Items asked for, per resource of the provincial demo catalogue. */
  static final Map<String, List<String>> FIELDS = Map.of("SJ-001", List.of("公民身份号码", "姓名", "参保状态"),
      "SJ-002", List.of("公民身份号码", "姓名", "证件类型"));

  static Map<String, Object> application(String resource, boolean bulk, List<Map<String, String>> departments) {
    Map<String, Object> body = new HashMap<>();
    body.put("resourceCode", resource);
    body.put("purpose", "WORK_REFERENCE");
    body.put("reason", "社会救助对象跨省参保核查，依据《社会救助暂行办法》第十一条");
    body.put("systemName", "南昌市社会救助信息系统");
    body.put("requestedFields", FIELDS.get(resource));
    body.put("lowerReference", "SR-20251009-" + UUID.randomUUID().toString().substring(0, 6));
    body.put("bulk", bulk);
    body.put("departments", departments);
    return body;
  }

  static Map<String, String> dept(String code, String name) {
    return Map.of("code", code, "name", name);
  }

  static JsonNode forward(Map<String, Object> body) {
    ApiClient.Response created = platforms.peerForwarding().post(FederationPaths.APPLICATIONS, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void catalogueListsPublishedProvincialResourcesWithTheirProviderAndSyncsIncrementally() {
    JsonNode all = platforms.peer().get(FederationPaths.CATALOG).json();
    assertThat(all.path("platformCode").asText()).isEqualTo(TwoPlatforms.PROVINCE_CODE);
    assertThat(all.path("platformName").asText()).isEqualTo(TwoPlatforms.PROVINCE_NAME);
    JsonNode sj001 = null;
    Instant newest = Instant.EPOCH;
    for (JsonNode entry : all.path("entries")) {
      if ("SJ-001".equals(entry.path("code").asText())) {
        sj001 = entry;
      }
      Instant updated = Instant.parse(entry.path("updatedAt").asText());
      newest = updated.isAfter(newest) ? updated : newest;
    }
    assertThat(sj001).as(all.toString()).isNotNull();
    assertThat(sj001.path("providerDept").asText()).isEqualTo("srst");
    assertThat(sj001.path("providerName").asText()).isEqualTo("省人社厅");
    assertThat(sj001.path("shareType").asText()).isEqualTo("CONDITIONAL");
    assertThat(sj001.path("published").asBoolean()).isTrue();
    assertThat(sj001.path("items").findValuesAsText("name")).contains("公民身份号码", "参保状态");
    assertThat(sj001.path("shareModes").get(0).asText()).isEqualTo("SERVICE_API");

    JsonNode sinceNewest = platforms.peer().get(FederationPaths.CATALOG + "?changedSince=" + newest).json();
    assertThat(sinceNewest.path("entries").findValuesAsText("code")).isNotEmpty()
        .allSatisfy(code -> assertThat(all.path("entries").findValuesAsText("code")).contains(code));
    JsonNode later = platforms.peer().get(FederationPaths.CATALOG + "?changedSince=" + newest.plusSeconds(1)).json();
    assertThat(later.path("entries")).isEmpty();
  }

  @Test
  void forwardedApplicationRunsUnderTheProvinceProfileAndTheAnswerComesBackWithGrantsAndDeadlines() {
    JsonNode received = forward(application("SJ-001", false, List.of(dept("mzj", "市民政局"))));
    long id = received.path("id").asLong();
    String reference = received.path("reference").asText();
    assertThat(received.path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(received.path("answer").isNull()).isTrue();
    // hubei 19 (R12): the province's own operator checks within 3 working days, as the province counts them
    JsonNode check = deadline(received, "normativeCheck");
    assertThat(check.path("rule").asText()).isEqualTo("R12");
    assertThat(check.path("article").asText()).contains("湖北").contains("第十九条");
    assertThat(check.path("dueText").asText()).isNotBlank();
    assertThat(check.path("dueDate").asText()).isEqualTo(provinceDeadline(reference, "normativeCheck").path("dueDate")
        .asText());

    // the peer cannot act at the province; the province's operator and provider do
    assertThat(platforms.peer().post("/engine-rest/task/" + platforms.provinceTaskId(reference, "normativeCheck")
        + "/complete", Map.of("variables", Map.of("checkPassed", Map.of("value", true)))).status()).isEqualTo(403);
    platforms.completeProvinceTask(TwoPlatforms.PROVINCE_OPERATOR, reference, "normativeCheck",
        Map.of("checkPassed", true));
    JsonNode reviewing = platforms.peer().get(FederationPaths.APPLICATIONS + "/" + id).json();
    assertThat(deadline(reviewing, "normativeCheck").path("state").asText()).isEqualTo("MET");
    JsonNode answer = deadlineOf(reviewing, "R13");
    assertThat(answer.path("article").asText()).contains("第二十条");
    assertThat(answer.path("state").asText()).isEqualTo("OPEN");

    // only the resource's provider answers (R13), not a department the city might have named
    ApiClient.Response wrongProvider = platforms.province("sgat-reviewer").post("/engine-rest/task/"
        + platforms.provinceTaskId(reference, "providerAuthorization") + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", true))));
    assertThat(wrongProvider.status()).isIn(403, 404);
    platforms.completeProvinceTask("srst-reviewer", reference, "providerAuthorization", Map.of("approved", true,
        "grantScope", "公民身份号码,姓名", "grantValidUntil", "2026-10-08"));

    JsonNode decided = platforms.peer().get(FederationPaths.APPLICATIONS + "/" + id).json();
    assertThat(decided.path("status").asText()).isEqualTo("GRANTED");
    assertThat(decided.path("statusLabel").asText()).isEqualTo("上级平台同意共享");
    assertThat(decided.path("answer").path("approved").asBoolean()).isTrue();
    assertThat(texts(decided.path("answer").path("scope"))).containsExactly("公民身份号码", "姓名");
    assertThat(decided.path("answer").path("validUntil").asText()).isEqualTo("2026-10-08");
    JsonNode grants = decided.path("grants");
    assertThat(grants).hasSize(1);
    assertThat(grants.get(0).path("department").path("code").asText()).isEqualTo("mzj");
    assertThat(texts(grants.get(0).path("scope"))).containsExactly("公民身份号码", "姓名");
    assertThat(grants.get(0).path("validUntil").asText()).isEqualTo("2026-10-08");
    assertThat(grants.get(0).path("status").asText()).isEqualTo("ACTIVE");
    // the grant is the province's own record, for the city department (never a province department)
    JsonNode provinceGrant = provinceGrant("SJ-001", grants.get(0).path("grantId").asLong());
    assertThat(provinceGrant.path("department").asText()).isEqualTo("nc:mzj");
    assertThat(provinceGrant.path("providerDept").asText()).isEqualTo("srst");

    // the poll reports it as changed since it was received
    JsonNode changes = platforms.peer().get(FederationPaths.APPLICATIONS + "?changedSince="
        + decided.path("receivedAt").asText()).json();
    JsonNode polled = byId(changes, id);
    assertThat(polled).as(changes.toString()).isNotNull();
    assertThat(polled.path("status").asText()).isEqualTo("GRANTED");
    assertThat(polled.path("grants")).hasSize(1);

    // R21 at the province: the provider suspends the grant. No process step is written, yet the poll must report
    // the application as changed, or the city would keep answering yes for a suspended grant.
    Instant answeredAt = Instant.parse(polled.path("changedAt").asText());
    sleepPastTheSecond();
    ApiClient.Response suspended = platforms.province("srst-reviewer").post("/api/grants/"
        + grants.get(0).path("grantId").asLong() + "/suspend", Map.of("reason", "发现超范围使用，暂停核查"));
    assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
    JsonNode afterSuspension = byId(platforms.peer().get(FederationPaths.APPLICATIONS + "?changedSince="
        + answeredAt.plusSeconds(1)).json(), id);
    assertThat(afterSuspension).as("a suspended grant moves the application's changedAt").isNotNull();
    assertThat(afterSuspension.path("grants").get(0).path("status").asText()).isEqualTo("SUSPENDED");
  }

  /** Time stamps are kept to the second on MariaDB: a change made a second later is later for every database. */
  private static void sleepPastTheSecond() {
    try {
      Thread.sleep(1_100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void bulkApplicationForThreeDepartmentsIsOneRequestAndItsApprovalGrantsEachDepartment() {
    JsonNode received = forward(application("SJ-002", true, List.of(dept("mzj", "市民政局"), dept("rsj", "市人社局"),
        dept("scjgj", "市市场监管局"))));
    String reference = received.path("reference").asText();
    assertThat(received.path("bulk").asBoolean()).isTrue();
    assertThat(received.path("departments").findValuesAsText("code")).containsExactly("mzj", "rsj", "scjgj");
    platforms.provinceChecks(reference);
    platforms.provinceApproves("sgat-reviewer", reference, "", "2026-12-31");
    JsonNode decided = platforms.peer().get(FederationPaths.APPLICATIONS + "/" + received.path("id").asLong()).json();
    assertThat(decided.path("status").asText()).isEqualTo("GRANTED");
    JsonNode grants = decided.path("grants");
    assertThat(grants.findValuesAsText("code")).containsExactlyInAnyOrder("mzj", "rsj", "scjgj");
    assertThat(grants.findValuesAsText("grantId")).doesNotHaveDuplicates();
    for (JsonNode grant : grants) {
      assertThat(grant.path("validUntil").asText()).isEqualTo("2026-12-31");
      assertThat(grant.path("scope")).isEmpty();
    }
    // one share request at the province, not three
    JsonNode requests = platforms.province(TwoPlatforms.PROVINCE_SUPERVISOR).get("/api/share-requests").json();
    assertThat(requests.findValuesAsText("businessKey").stream().filter(reference::equals)).hasSize(1);
  }

  @Test
  void refusalComesBackWithTheProvidersReason() {
    JsonNode received = forward(application("SJ-001", false, List.of(dept("rsj", "市人社局"))));
    String reference = received.path("reference").asText();
    platforms.provinceChecks(reference);
    platforms.provinceRefuses("srst-reviewer", reference, "申请事项不属于社会救助核查范围，缴费信息不予提供");
    JsonNode decided = platforms.peer().get(FederationPaths.APPLICATIONS + "/" + received.path("id").asLong()).json();
    assertThat(decided.path("status").asText()).isEqualTo("REFUSED");
    assertThat(decided.path("answer").path("approved").asBoolean()).isFalse();
    assertThat(decided.path("answer").path("reason").asText()).contains("不属于社会救助核查范围");
    assertThat(decided.path("grants")).isEmpty();
  }

  @Test
  void theSameForwardingTwiceIsOneApplicationAndAReusedKeyWithAnotherBodyIsA409() {
    ApiClient forwarding = platforms.peerForwarding();
    Map<String, Object> body = application("SJ-001", false, List.of(dept("gaj", "市公安局")));
    ApiClient.Response first = forwarding.post(FederationPaths.APPLICATIONS, body);
    ApiClient.Response again = forwarding.post(FederationPaths.APPLICATIONS, body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
    assertThat(again.json().path("reference").asText()).isEqualTo(first.json().path("reference").asText());

    Map<String, Object> other = new HashMap<>(body);
    other.put("reason", "另一份申请");
    ApiClient.Response reused = forwarding.post(FederationPaths.APPLICATIONS, other);
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.json().path("field").asText()).isEqualTo(FederationPaths.IDEMPOTENCY_KEY);

    JsonNode all = platforms.peer().get(FederationPaths.APPLICATIONS).json();
    assertThat(all.path("applications").findValuesAsText("lowerReference").stream()
        .filter(body.get("lowerReference")::equals)).hasSize(1);
  }

  @Test
  void badForwardingsAreProblemsNamingTheFieldAndLeaveNothingBehind() {
    Map<String, Object> body = application("SJ-001", false, List.of(dept("gaj", "市公安局")));
    assertThat(problemField(platforms.peer().post(FederationPaths.APPLICATIONS, body), 400))
        .isEqualTo(FederationPaths.IDEMPOTENCY_KEY);
    ApiClient forwarding = platforms.peerForwarding();
    Map<String, Object> unknown = new HashMap<>(body);
    unknown.put("resourceCode", "SJ-999");
    assertThat(problemField(forwarding.post(FederationPaths.APPLICATIONS, unknown), 400)).isEqualTo("resourceCode");
    Map<String, Object> purpose = new HashMap<>(body);
    purpose.put("purpose", "ANYTHING");
    assertThat(problemField(forwarding.post(FederationPaths.APPLICATIONS, purpose), 400)).isEqualTo("purpose");
    Map<String, Object> notBulk = new HashMap<>(body);
    notBulk.put("departments", List.of(dept("gaj", "市公安局"), dept("rsj", "市人社局")));
    assertThat(problemField(forwarding.post(FederationPaths.APPLICATIONS, notBulk), 400)).isEqualTo("bulk");
    Map<String, Object> none = new HashMap<>(body);
    none.put("departments", List.of());
    assertThat(problemField(forwarding.post(FederationPaths.APPLICATIONS, none), 400)).isEqualTo("departments");
    // the refused bodies left no application behind: the key still takes a good one
    assertThat(forwarding.post(FederationPaths.APPLICATIONS, body).status()).isEqualTo(201);
  }

  @Test
  void forgedDepartmentsNeverDecideWhoActsAtTheProvince() {
    // the city names the province's provider and platform groups as "its" departments
    JsonNode received = forward(application("SJ-001", true, List.of(dept("srst", "省人社厅"),
        dept("platform-operators", "省大数据局"))));
    String reference = received.path("reference").asText();
    JsonNode task = platforms.province(TwoPlatforms.PROVINCE_SUPERVISOR)
        .get("/engine-rest/task/" + platforms.provinceTaskId(reference, "normativeCheck") + "/identity-links").json();
    assertThat(task.findValuesAsText("groupId")).containsExactly("platform-operators");
    // the applicant at the province is the city platform, not the department it named; the city platform
    // is none of the province's own departments (no self-report, no department list)
    assertThat(platforms.province(TwoPlatforms.PROVINCE_SUPERVISOR).get("/api/org/departments").json()
        .findValuesAsText("code")).contains("srst", "sdsj").doesNotContain(TwoPlatforms.CITY_CODE, "wh");
    JsonNode request = platforms.province("srst-reviewer").get("/api/share-requests?mine=false").json();
    JsonNode row = null;
    for (JsonNode r : request) {
      row = reference.equals(r.path("businessKey").asText()) ? r : row;
    }
    assertThat(row).as(request.toString()).isNotNull();
    assertThat(row.path("applicantDept").asText()).isEqualTo(TwoPlatforms.CITY_CODE);
    assertThat(row.path("providerDept").asText()).isEqualTo("srst");
    // the provider, being the named department, does not make the request its own to check
    ApiClient.Response providerChecks = platforms.province("srst-reviewer").post("/engine-rest/task/"
        + platforms.provinceTaskId(reference, "normativeCheck") + "/complete",
        Map.of("variables", Map.of("checkPassed", Map.of("value", true))));
    assertThat(providerChecks.status()).isIn(403, 404);
    platforms.completeProvinceTask(TwoPlatforms.PROVINCE_OPERATOR, reference, "normativeCheck",
        Map.of("checkPassed", true));
    platforms.completeProvinceTask("srst-reviewer", reference, "providerAuthorization", Map.of("approved", true,
        "grantScope", "姓名", "grantValidUntil", "2026-06-30"));
    // the grants go to the city's namesakes, prefixed: never to the province's own srst or operators
    JsonNode srstGrants = platforms.province(TwoPlatforms.PROVINCE_SUPERVISOR)
        .get("/api/grants?dept=srst&resource=SJ-001").json();
    assertThat(srstGrants).isEmpty();
    JsonNode decided = platforms.peer().get(FederationPaths.APPLICATIONS + "/" + received.path("id").asLong()).json();
    List<String> holders = new ArrayList<>();
    for (JsonNode grant : decided.path("grants")) {
      holders.add(provinceGrant("SJ-001", grant.path("grantId").asLong()).path("department").asText());
    }
    assertThat(holders).containsExactlyInAnyOrder("nc:srst", "nc:platform-operators");
  }

  @Test
  void anotherPeerSeesNoneOfTheCitysApplications() {
    JsonNode received = forward(application("SJ-001", false, List.of(dept("mzj", "市民政局"))));
    ApiClient wuhan = platforms.province("wuhan-platform");
    assertThat(wuhan.get(FederationPaths.APPLICATIONS + "/" + received.path("id").asLong()).status()).isEqualTo(404);
    assertThat(wuhan.get(FederationPaths.APPLICATIONS).json().path("applications").findValuesAsText("reference"))
        .doesNotContain(received.path("reference").asText());
    // the same idempotency key is another platform's own: no clash, no answer from the city's application
    assertThat(wuhan.get(FederationPaths.CATALOG).status()).isEqualTo(200);
  }

  @Test
  void departmentUsersOperatorsAndAdministratorsCannotCallTheFederationApi() {
    for (String user : List.of("srst-reviewer", TwoPlatforms.PROVINCE_OPERATOR, TwoPlatforms.PROVINCE_SUPERVISOR,
        "admin")) {
      ApiClient client = platforms.province(user);
      assertThat(client.get(FederationPaths.CATALOG).status()).as(user).isEqualTo(403);
      assertThat(client.get(FederationPaths.APPLICATIONS).status()).as(user).isEqualTo(403);
      assertThat(client.withHeader(FederationPaths.IDEMPOTENCY_KEY, UUID.randomUUID().toString())
          .post(FederationPaths.APPLICATIONS, application("SJ-001", false, List.of(dept("mzj", "市民政局"))))
          .status()).as(user).isEqualTo(403);
    }
    assertThat(ApiClient.anonymous(platforms.provincePort()).get(FederationPaths.CATALOG).status()).isEqualTo(401);
  }

  @Test
  void thePeerAccountOpensNoOtherDoorAtTheProvince() {
    for (String path : List.of("/api/share-requests", "/api/catalog/resources", "/api/grants", "/api/me",
        "/api/deadlines", "/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/task",
        "/engine-rest/job-definition")) {
      assertThat(platforms.peer().get(path).status()).as(path).isEqualTo(403);
    }
    assertThat(platforms.peer().post("/api/share-requests", Map.of("resourceCode", "SJ-001")).status())
        .isEqualTo(403);
  }

  @Test
  void openApiDescribesWireApiV1InItsOwnGroupWithChineseSummaries() {
    JsonNode group = ApiClient.anonymous(platforms.provincePort()).get("/v3/api-docs/" + FederationPaths.OPENAPI_GROUP)
        .json();
    JsonNode paths = group.path("paths");
    assertThat(paths.has(FederationPaths.CATALOG)).isTrue();
    assertThat(paths.has(FederationPaths.APPLICATIONS + "/{id}")).isTrue();
    assertThat(paths.path(FederationPaths.APPLICATIONS).path("post").path("summary").asText())
        .isEqualTo("下级平台转报共享申请（含整体授权）");
    List<String> names = new ArrayList<>();
    paths.fieldNames().forEachRemaining(names::add);
    assertThat(names).allSatisfy(path -> assertThat(path).startsWith(FederationPaths.BASE));
  }

  private static String problemField(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    return response.json().path("field").asText();
  }

  private static JsonNode deadline(JsonNode application, String step) {
    for (JsonNode deadline : application.path("deadlines")) {
      if (step.equals(deadline.path("step").asText())) {
        return deadline;
      }
    }
    throw new AssertionError("no deadline of " + step + " in " + application);
  }

  private static JsonNode deadlineOf(JsonNode application, String rule) {
    for (JsonNode deadline : application.path("deadlines")) {
      if (rule.equals(deadline.path("rule").asText())) {
        return deadline;
      }
    }
    throw new AssertionError("no deadline of rule " + rule + " in " + application);
  }

  /** The deadline as the province's own share-request page shows it to its operator. */
  private static JsonNode provinceDeadline(String reference, String step) {
    JsonNode requests = platforms.province(TwoPlatforms.PROVINCE_OPERATOR).get("/api/share-requests").json();
    for (JsonNode request : requests) {
      if (reference.equals(request.path("businessKey").asText())) {
        JsonNode detail = platforms.province(TwoPlatforms.PROVINCE_OPERATOR)
            .get("/api/share-requests/" + request.path("id").asText()).json();
        for (JsonNode deadline : detail.path("deadlines")) {
          if (step.equals(deadline.path("taskDefinitionKey").asText())) {
            return deadline;
          }
        }
        throw new AssertionError("no " + step + " deadline in " + detail);
      }
    }
    throw new AssertionError("no request " + reference + " at the province");
  }

  /** A grant as the province's own records hold it (read as its supervisor). */
  private static JsonNode provinceGrant(String resource, long id) {
    JsonNode grants = platforms.province(TwoPlatforms.PROVINCE_SUPERVISOR).get("/api/grants?resource=" + resource)
        .json();
    for (JsonNode grant : grants) {
      if (grant.path("id").asLong() == id) {
        return grant;
      }
    }
    throw new AssertionError("no grant " + id + " in " + grants);
  }

  private static JsonNode byId(JsonNode changes, long id) {
    for (JsonNode application : changes.path("applications")) {
      if (application.path("id").asLong() == id) {
        return application;
      }
    }
    return null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
