package cn.govshare.catalog;

import static cn.govshare.catalog.CatalogFixtures.conditionalEntry;
import static cn.govshare.catalog.CatalogFixtures.item;
import static cn.govshare.catalog.CatalogFixtures.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The catalogue REST contract (issue 5): listing, rules R1-R9 as 400s naming the field, access. */
@GovShareTest
class CatalogApiTest {

  static final String RESOURCES = "/api/catalog/resources";

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  TaskService tasks;

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  @Test
  void anyDepartmentListsPublicSecurityEntriesWithChineseNamesIntact() {
    ApiClient.Response response = as("mzj-applicant").get(RESOURCES + "?dept=gaj&size=100");

    assertThat(response.status()).isEqualTo(200);
    JsonNode items = response.json().path("items");
    assertThat(items.findValuesAsText("code")).contains("RK-001", "RK-002", "RK-003");
    assertThat(items.findValuesAsText("responsibleDepartment")).containsOnly("gaj");
    assertThat(names(items)).containsEntry("RK-001", "人口基础信息").containsEntry("RK-002", "户籍变动信息")
        .containsEntry("RK-003", "涉密侦查信息");
    assertThat(response.json().path("total").asLong()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aServiceApiMayDeclareAnHttpHealthUrlAndNothingElseMay() {
    assertRejected(body -> firstMode(body).put("healthUrl", "ftp://gaj.example/health"),
        "shareModes[0].healthUrl", null);
    assertRejected(body -> firstMode(body).put("healthUrl", "no url at all"), "shareModes[0].healthUrl", null);
    assertRejected(body -> {
      firstMode(body).put("type", "TABLE");
      firstMode(body).put("healthUrl", "https://gaj.example/health");
    }, "shareModes[0].healthUrl", "R27");

    String code = uniqueCode("HEALTH");
    Map<String, Object> body = conditionalEntry(code, "mzj");
    firstMode(body).put("healthUrl", "https://mzj.example/health");
    assertThat(as("mzj-applicant").post(RESOURCES, body).status()).isEqualTo(201);
    assertThat(as("mzj-applicant").get(RESOURCES + "/" + code).json().findValue("healthUrl").asText())
        .isEqualTo("https://mzj.example/health");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstMode(Map<String, Object> body) {
    return ((List<Map<String, Object>>) body.get("shareModes")).get(0);
  }

  @Test
  void listingFiltersByShareTypeClassificationAndTextAndPages() {
    ApiClient client = as("rsj-applicant");
    JsonNode basic = client.get(RESOURCES + "?classification=BASIC&size=100").json().path("items");
    assertThat(basic.findValuesAsText("code")).contains("RK-001", "FR-001").doesNotContain("RK-002");

    JsonNode notShared = client.get(RESOURCES + "?shareType=NOT_SHARED&size=100").json().path("items");
    assertThat(notShared.findValuesAsText("code")).contains("RK-003").doesNotContain("RK-001", "SB-001");

    JsonNode byText = client.get(RESOURCES + "?q=" + encode("参保")).json().path("items");
    assertThat(byText.findValuesAsText("code")).containsExactly("SB-001");

    JsonNode page = client.get(RESOURCES + "?dept=gaj&page=1&size=2").json();
    assertThat(page.path("page").asInt()).isEqualTo(1);
    assertThat(page.path("size").asInt()).isEqualTo(2);
    assertThat(page.path("items").size()).isBetween(1, 2);
    assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(3);

    assertThat(client.get(RESOURCES + "?size=0").json().path("field").asText()).isEqualTo("size");
    assertThat(client.get(RESOURCES + "?page=99999999&size=500").json().path("field").asText()).isEqualTo("page");
    assertThat(client.get(RESOURCES + "?shareType=SOMETIMES").json().path("field").asText()).isEqualTo("shareType");
  }

  @Test
  void demoEntryShowsItemsShareModesLegalBasisAndNoOpenCorrections() {
    JsonNode rk002 = as("mzj-applicant").get(RESOURCES + "/RK-002").json();

    assertThat(rk002.path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(rk002.path("shareType").asText()).isEqualTo("CONDITIONAL");
    assertThat(rk002.path("conditions").asText()).isNotBlank();
    assertThat(rk002.path("legalBasis").asText()).contains("《中华人民共和国户口登记条例》");
    assertThat(rk002.path("items").findValuesAsText("name")).contains("公民身份号码", "变动类型");
    assertThat(rk002.path("shareModes").get(0).path("type").asText()).isEqualTo("SERVICE_API");
    assertThat(rk002.path("offlineApplication").asText()).isNotBlank();
    assertThat(rk002.path("openCorrections").isArray()).isTrue();
    assertThat(rk002.path("openCorrections")).isEmpty();

    JsonNode rk001 = as("mzj-applicant").get(RESOURCES + "/RK-001").json();
    assertThat(rk001.path("basicKind").asText()).isEqualTo("POPULATION");
    assertThat(rk001.path("legalBasis").asText()).contains("《中华人民共和国居民身份证法》");
    assertThat(as("mzj-applicant").get(RESOURCES + "/NO-SUCH-1").status()).isEqualTo(404);
  }

  @Test
  void departmentCreatesDraftVisibleOnlyToItselfAndThePlatform() {
    String code = uniqueCode("MZ");
    ApiClient.Response created = as("mzj-applicant").post(RESOURCES, conditionalEntry(code, "mzj"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");
    assertThat(created.json().path("version").asInt()).isZero();
    assertThat(created.json().path("items").get(0).path("shareType").asText()).isEqualTo("CONDITIONAL");
    assertThat(as("operator").get(RESOURCES + "/" + code).status()).isEqualTo(200);
    assertThat(as("gaj-reviewer").get(RESOURCES + "/" + code).status()).isEqualTo(404);
    assertThat(as("gaj-reviewer").get(RESOURCES + "?dept=mzj&size=500").json().path("items")
        .findValuesAsText("code")).doesNotContain(code);
    assertThat(as("mzj-applicant").get(RESOURCES + "?dept=mzj&size=500").json().path("items")
        .findValuesAsText("code")).contains(code);
    assertThat(auditActions(code)).contains("CATALOG_CREATE");
  }

  @Test
  void departmentEditsItsDraft() {
    String code = uniqueCode("MZ");
    as("mzj-applicant").post(RESOURCES, conditionalEntry(code, "mzj"));
    Map<String, Object> edited = conditionalEntry(code, "mzj");
    edited.put("name", "婚姻登记信息（含离婚登记）");
    // read first: the catalogue cache now holds the entry, and the edit must not be hidden behind it
    assertThat(as("mzj-applicant").get(RESOURCES + "/" + code).json().path("name").asText())
        .isNotEqualTo("婚姻登记信息（含离婚登记）");

    ApiClient.Response response = as("mzj-applicant").put(RESOURCES + "/" + code, edited);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(as("mzj-applicant").get(RESOURCES + "/" + code).json().path("name").asText())
        .isEqualTo("婚姻登记信息（含离婚登记）");
    assertThat(auditActions(code)).contains("CATALOG_EDIT");
  }

  @Test
  void platformOperatorCreatesForAnyDepartment() {
    String code = uniqueCode("OP");
    assertThat(as("operator").post(RESOURCES, conditionalEntry(code, "rsj")).status()).isEqualTo(201);
  }

  @Test
  void foreignDepartmentGets403AndWritesNothing() {
    String code = uniqueCode("GA");
    assertForbidden(as("scjgj-reviewer").post(RESOURCES, conditionalEntry(code, "gaj")));
    assertThat(rows(code)).isZero();

    assertThat(as("gaj-reviewer").post(RESOURCES, conditionalEntry(code, "gaj")).status()).isEqualTo(201);
    Map<String, Object> edited = conditionalEntry(code, "gaj");
    edited.put("name", "篡改");
    assertForbidden(as("scjgj-reviewer").put(RESOURCES + "/" + code, edited));
    assertForbidden(as("scjgj-reviewer").post(RESOURCES + "/" + code + "/publish", null));
    assertForbidden(as("gaj-reviewer").put(RESOURCES + "/" + code, conditionalEntry(code, "scjgj")));
    assertForbidden(as("mzj-applicant").post(RESOURCES + "/RK-001/retire", null));
    assertForbidden(as("admin").post(RESOURCES + "/RK-002/publish", Map.of()));
  }

  @Test
  void conditionalEntryWithoutConditionsIsRejectedCitingR1() {
    assertRejected(body -> body.remove("conditions"), "conditions", "R1");
  }

  @Test
  void conditionalEntryWithoutLegalBasisIsRejectedCitingR1() {
    assertRejected(body -> body.put("legalBasis", "   "), "legalBasis", "R1");
  }

  @Test
  void notSharedEntryWithoutLegalBasisIsRejectedCitingR1() {
    assertRejected(body -> {
      body.put("shareType", "NOT_SHARED");
      body.remove("conditions");
      body.remove("legalBasis");
    }, "legalBasis", "R1");
  }

  @Test
  void conditionalItemInUnconditionalEntryNeedsConditions() {
    assertRejected(body -> {
      body.put("shareType", "UNCONDITIONAL");
      body.remove("conditions");
      body.put("items", List.of(item("姓名", "UNCONDITIONAL", false), item("婚姻状况", "CONDITIONAL", false)));
    }, "conditions", "R1");
  }

  @Test
  void basicItemOfBasicResourceMustBeUnconditionalR2() {
    assertRejected(body -> {
      body.put("classification", "BASIC");
      body.put("basicKind", "POPULATION");
      body.put("items", List.of(item("公民身份号码", "UNCONDITIONAL", true), item("姓名", "CONDITIONAL", true)));
    }, "items[1].shareType", "R2");
  }

  @Test
  void basicResourceNamesItsBasicKindR2() {
    assertRejected(body -> body.put("classification", "BASIC"), "basicKind", "R2");
  }

  @Test
  void licensingRelatedEntryMustBeUnconditionalR3() {
    assertRejected(body -> body.put("licensingRelated", true), "shareType", "R3");
  }

  @Test
  void openToPublicEntryMustBeUnconditionalR4() {
    assertRejected(body -> body.put("openToPublic", true), "shareType", "R4");
  }

  @Test
  void serviceApiNeedsInterfaceDescriptionR9() {
    assertRejected(body -> ((List<Map<String, Object>>) body.get("shareModes")).get(0).remove("interfaceDescription"),
        "shareModes[0].interfaceDescription", "R9");
  }

  @Test
  void shareableEntryNeedsAShareModeR9() {
    assertRejected(body -> body.put("shareModes", List.of()), "shareModes", "R9");
  }

  @Test
  void entryNeedsItemsR5() {
    assertRejected(body -> body.put("items", List.of()), "items", "R5");
  }

  @Test
  void unknownEnumValueIsNamed() {
    assertRejected(body -> body.put("shareType", "SOMETIMES"), "shareType", null);
    assertRejected(body -> body.put("updateCycle", "HOURLY"), "updateCycle", null);
    assertRejected(body -> ((List<Map<String, Object>>) body.get("shareModes")).get(0).put("delivery", "EMAIL"),
        "shareModes[0].delivery", null);
  }

  @Test
  void blankNameIsRejected() {
    assertRejected(body -> body.put("name", " \t "), "name", null);
  }

  @Test
  void malformedCodeIsRejected() {
    assertRejected(body -> body.put("code", "rk 001"), "code", null);
  }

  @Test
  void unknownDepartmentIsRejected() {
    assertRejected(body -> body.put("responsibleDepartment", "nosuch"), "responsibleDepartment", "R5");
  }

  @Test
  void duplicateCodeIsAConflictOnCode() {
    String code = uniqueCode("DUP");
    assertThat(as("mzj-applicant").post(RESOURCES, conditionalEntry(code, "mzj")).status()).isEqualTo(201);
    ApiClient.Response again = as("mzj-applicant").post(RESOURCES, conditionalEntry(code, "mzj"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("field").asText()).isEqualTo("code");
    ApiClient.Response demo = as("gaj-reviewer").post(RESOURCES, conditionalEntry("RK-001", "gaj"));
    assertThat(demo.status()).isEqualTo(409);
  }

  @Test
  void effectiveDateMustLieAheadWithinReason() {
    String code = uniqueCode("MZ");
    as("mzj-applicant").post(RESOURCES, conditionalEntry(code, "mzj"));
    for (String date : List.of("2020-01-01", "+999999999-12-31")) {
      ApiClient.Response response = as("mzj-applicant").post(RESOURCES + "/" + code + "/publish",
          Map.of("effectiveDate", date));
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.json().path("field").asText()).isEqualTo("effectiveDate");
    }
    assertThat(as("mzj-applicant").get(RESOURCES + "/" + code).json().path("latestChange").isNull()).isTrue();
  }

  @Test
  void lawChangeObligationGivesTheDepartmentATaskCompletedBySubmittingAnUpdatedEntry() {
    Map<String, String> body = Map.of("department", "mzj", "legalChange", "《婚姻登记条例》2025年修订，取消户口簿要求");
    assertForbidden(as("mzj-applicant").post("/api/catalog/update-obligations", body));
    ApiClient.Response opened = as("operator").post("/api/catalog/update-obligations", body);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    long obligationId = opened.json().path("id").asLong();
    String processInstanceId = opened.json().path("processInstanceId").asText();
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("updateCatalog");
    assertThat(task.getName()).isEqualTo("目录更新");
    assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> "mzj".equals(l.getGroupId()));

    String code = uniqueCode("MZ");
    as("mzj-applicant").post(RESOURCES, conditionalEntry(code, "mzj"));
    ApiClient.Response foreign = as("operator").post(RESOURCES + "/RK-002/publish", Map.of("obligationId", obligationId));
    assertThat(foreign.status()).isIn(400, 409);
    ApiClient.Response submitted = as("mzj-applicant")
        .post(RESOURCES + "/" + code + "/publish", Map.of("obligationId", obligationId));

    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
    assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).count()).isZero();
    JsonNode obligation = as("mzj-applicant").get("/api/catalog/update-obligations/" + obligationId).json();
    assertThat(obligation.path("state").asText()).isEqualTo("FULFILLED");
    assertThat(obligation.path("resourceCode").asText()).isEqualTo(code);
  }

  private void assertRejected(Consumer<Map<String, Object>> breakIt, String field, String rule) {
    String code = uniqueCode("BAD");
    Map<String, Object> body = conditionalEntry(code, "mzj");
    breakIt.accept(body);
    ApiClient.Response response = as("mzj-applicant").post(RESOURCES, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(response.json().path("field").asText()).as(response.toString()).isEqualTo(field);
    if (rule != null) {
      assertThat(response.json().path("rule").asText()).isEqualTo(rule);
      assertThat(response.json().path("detail").asText()).contains(rule);
    }
    assertThat(rows(code)).isZero();
  }

  private static void assertForbidden(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
  }

  private long rows(String code) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gs_catalog_resource WHERE code = ?", Long.class, code);
  }

  private List<String> auditActions(String code) {
    return jdbc.queryForList("SELECT action FROM gs_audit WHERE object_type = 'CATALOG_RESOURCE' AND object_id = ?",
        String.class, code);
  }

  private static Map<String, String> names(JsonNode items) {
    Map<String, String> names = new java.util.HashMap<>();
    items.forEach(i -> names.put(i.path("code").asText(), i.path("name").asText()));
    return names;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
