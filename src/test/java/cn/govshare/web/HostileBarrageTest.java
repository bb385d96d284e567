package cn.govshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 18, class 7: a hostile barrage (R30) over every /api endpoint — found from the running application's
 * mappings, so a new endpoint is covered without touching this test — and over every user task's form
 * reached in the shipped processes, through /engine-rest submit-form and complete, as several demo users.
 * No answer is ≥ 500, a refused request writes nothing (row counts of GovShare's tables and the engine's
 * task, variable and history tables before and after), and a text longer than its form's maxLength is
 * refused, never stored cut.
 */
@GovShareTest
class HostileBarrageTest {

  static final int MIN_REQUESTS = 500;
  static final List<String> USERS = List.of("admin", "operator", "gaj-reviewer", "mzj-applicant", "rsj-applicant",
      "supervisor", "office");
  /** Shipped processes (bpmn/). */
  static final Set<String> PROCESSES = Set.of("conditional-share-request", "dispute-escalation", "data-correction",
      "catalog-review", "catalog-update");

  @LocalServerPort
  int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  FormService forms;

  @Autowired
  IdentityService identity;

  @AfterEach
  void resetClock() {
    // the clock endpoint may legitimately accept one of the inputs
    ClockUtil.reset();
  }

  @Test
  void everyApiEndpointSurvivesTheBarrageAndRefusedCallsWriteNothing() {
    Findings findings = new Findings();
    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints).hasSizeGreaterThan(20);
    Random random = new Random(20251001L);
    int i = 0;
    for (Endpoint endpoint : endpoints) {
      for (Request request : requests(endpoint, random)) {
        String user = USERS.get(i++ % USERS.size());
        findings.send(request.describe(user), () -> ApiClient.as(port, user)
            .sendBytes(request.method(), request.path(), request.body(), request.contentType()), false);
      }
    }
    findings.report("/api", endpoints.size() + " endpoints");
    assertThat(findings.sent).isGreaterThanOrEqualTo(MIN_REQUESTS);
    assertThat(findings.serverErrors).isEmpty();
    assertThat(findings.writesByRefused).isEmpty();
  }

  @Test
  void everyTaskFormSurvivesTheBarrageThroughSubmitFormAndComplete() {
    Set<String> before = new HashSet<>(activeInstances());
    seedCases();
    Findings findings = new Findings();
    Map<String, Integer> advanced = new HashMap<>();
    Map<String, Integer> progress = new TreeMap<>();
    for (int round = 0; round < 25; round++) {
      List<Task> open = tasks.createTaskQuery().active().list().stream()
          .filter(t -> !before.contains(t.getProcessInstanceId()))
          .filter(t -> PROCESSES.contains(processKey(t.getProcessDefinitionId()))).toList();
      if (open.isEmpty()) {
        break;
      }
      for (Task task : open) {
        if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
          // completing an earlier task of this round ended this one (a party's "no agreement" ends the negotiation)
          continue;
        }
        String key = processKey(task.getProcessDefinitionId()) + "/" + task.getTaskDefinitionKey();
        List<Field> fields = fields(task);
        String user = worker(task);
        // a hostile value that was accepted completes the task: the barrage goes on at the next task of its kind
        List<Attempt> attempts = barrage(task, key, fields, user);
        int from = progress.getOrDefault(key, 0);
        int sent = from;
        while (sent < attempts.size() && tasks.createTaskQuery().taskId(task.getId()).count() == 1) {
          Attempt attempt = attempts.get(sent++);
          findings.sendToTask(attempt.describe(), task.getId(), attempt.overlong(), attempt.request());
        }
        progress.put(key, sent);
        if (tasks.createTaskQuery().taskId(task.getId()).count() == 1) {
          int choice = advanced.merge(key, 1, Integer::sum) - 1;
          ApiClient.as(port, user).post("/engine-rest/task/" + task.getId() + "/complete",
              Map.of("variables", valid(fields, choice)));
          findings.recount();
        }
      }
    }
    Set<String> barraged = progress.keySet();
    Set<String> shipped = shippedUserTasks();
    Set<String> unreached = new TreeSet<>(shipped);
    unreached.removeAll(barraged);
    findings.report("task forms", barraged.size() + " of " + shipped.size() + " user tasks; not reached under the "
        + "active profile and demo data: " + unreached + "; attempts sent per task: " + progress);
    assertThat(barraged).as("user tasks reached").hasSizeGreaterThanOrEqualTo(6);
    assertThat(findings.serverErrors).isEmpty();
    assertThat(findings.writesByRefused).isEmpty();
    assertThat(findings.acceptedOverlong).isEmpty();
  }

  @Test
  void theIssuesExamplesAre400NamingTheFieldAndChangeNothing() {
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    assertRefused(supervisor.get("/api/audit?limit=0"), "limit");
    for (String limit : List.of("0", "-1", "5000")) {
      assertRefused(ApiClient.as(port, "mzj-applicant").get("/api/notifications?limit=" + limit), "limit");
    }
    // R21: a suspension reason longer than gs_grant.status_reason is refused, not cut; the grant stays active
    long grant = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", Map.of("resourceCode", "RK-001",
        "purpose", "WORK_REFERENCE", "reason", "核对户籍", "systemName", "社保业务系统")).json().path("grantId").asLong();
    assertRefused(ApiClient.as(port, "gaj-reviewer").post("/api/grants/" + grant + "/suspend",
        Map.of("reason", "滥".repeat(2001))), "reason");
    assertThat(jdbc.queryForObject("SELECT status FROM gs_grant WHERE id = ?", String.class, grant)).isEqualTo("ACTIVE");

    Map<String, Long> before = rowCounts();
    ApiClient applicant = ApiClient.as(port, "rsj-applicant");
    Map<String, Object> request = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", "理".repeat(2001), "systemName", "社保业务系统"));
    assertRefused(applicant.post("/api/share-requests", request), "reason");
    request.put("reason", "核对");
    request.put("systemName", "系".repeat(256));
    assertRefused(applicant.post("/api/share-requests", request), "systemName");
    assertRefused(ApiClient.as(port, "gaj-reviewer").post("/api/disputes/data-conflicts", Map.of("resourceCode",
        "RK-002", "otherResourceCode", "FR-002", "description", "冲".repeat(2001))), "description");
    ApiClient admin = ApiClient.as(port, "admin");
    assertRefused(admin.put("/api/calendar/days/2031-10-08", Map.of("kind", "HOLIDAY", "name", "节".repeat(65),
        "reason", "调整")), "name");
    assertRefused(admin.put("/api/calendar/days/2031-10-08", Map.of("kind", "HOLIDAY", "name", "国庆",
        "reason", "理".repeat(501))), "reason");
    assertThat(rowCounts()).isEqualTo(before);
  }

  private static void assertRefused(ApiClient.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).as(response.toString()).isEqualTo(field);
  }

  // ---- /api ----

  record Endpoint(String method, String pattern, HandlerMethod handler) {
  }

  record Request(String method, String path, byte[] body, String contentType) {

    String describe(String user) {
      return user + " " + method + " " + preview(path.getBytes(StandardCharsets.UTF_8)) + " <- "
          + preview(body) + " (" + contentType + ")";
    }
  }

  private List<Endpoint> endpoints() {
    Map<String, Endpoint> found = new TreeMap<>();
    mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
        for (String pattern : info.getPatternValues()) {
          if (pattern.startsWith("/api/")) {
            found.put(method + " " + pattern, new Endpoint(method.name(), pattern, handler));
          }
        }
      }
    });
    return List.copyOf(found.values());
  }

  private static final List<String> HOSTILE_PATH_VALUES = List.of("-1", "0", "99999999999999999999",
      "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%00", "%E2%80%AE%E2%80%8B", "x".repeat(3000),
      "%F0%9F%98%80", "2025-13-45", "null", "%27%20OR%20%271%27%3D%271");

  private static final List<String> HOSTILE_QUERY_VALUES = List.of("", "-1", "0", "5000", "2147483648", "abc",
      "9".repeat(40), "x".repeat(5000), "%00", "1e999", "%E2%80%AE", "..%2F..%2Fetc%2Fpasswd", "%5B%5D");

  private List<Request> requests(Endpoint endpoint, Random random) {
    List<Request> requests = new ArrayList<>();
    String path = concrete(endpoint.pattern());
    String method = endpoint.method();
    boolean writes = method.equals("POST") || method.equals("PUT");
    byte[] validBody = writes ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
    for (Parameter parameter : endpoint.handler().getMethod().getParameters()) {
      PathVariable variable = parameter.getAnnotation(PathVariable.class);
      if (variable != null) {
        String name = variable.value().isEmpty() ? parameter.getName() : variable.value();
        for (String value : HOSTILE_PATH_VALUES) {
          requests.add(new Request(method, concrete(endpoint.pattern().replace("{" + name + "}", value)), validBody,
              "application/json"));
        }
      }
      RequestParam param = parameter.getAnnotation(RequestParam.class);
      if (param != null) {
        String name = param.value().isEmpty() ? (param.name().isEmpty() ? parameter.getName() : param.name())
            : param.value();
        for (String value : HOSTILE_QUERY_VALUES) {
          requests.add(new Request(method, path + "?" + name + "=" + value, validBody, "application/json"));
        }
        requests.add(new Request(method, path + "?" + name + "=1&" + name + "=2", validBody, "application/json"));
      }
      if (parameter.getAnnotation(RequestBody.class) != null) {
        bodies(parameter.getType()).forEach(body -> requests.add(new Request(method, path, body, "application/json")));
      }
    }
    if (writes) {
      payloads(random).forEach(body -> requests.add(new Request(method, path, body, "application/json")));
      for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1")) {
        requests.add(new Request(method, path, "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8), type));
      }
    } else {
      requests.add(new Request(method, path, new byte[0], "application/json"));
    }
    return requests;
  }

  /**
   * Fills path variables with values that exist in the demo data where possible. The date is one no other test
   * counts on: an administrator's well-formed correction among the payloads is allowed to change that day.
   */
  private static String concrete(String pattern) {
    return pattern.replaceAll("\\{date}", "2031-10-08").replaceAll("\\{year}", "2031")
        .replaceAll("\\{code}", "RK-002").replaceAll("\\{[^}]*}", "1");
  }

  /** For a record body: each component overlong, of the wrong type, null; an unknown field; wrong shapes. */
  private static List<byte[]> bodies(Class<?> type) {
    List<byte[]> bodies = new ArrayList<>();
    if (!type.isRecord()) {
      return bodies;
    }
    Map<String, Object> base = new LinkedHashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      base.put(component.getName(), component.getType() == String.class ? "测试" : null);
    }
    List<Object> hostile = List.of("长".repeat(2001), "x".repeat(100_000), "x".repeat(256), "x".repeat(65),
        "\u0000\u202E\uFEFF", -1, 0, 1e308, "-99999999999999999999", List.of("x"), Map.of("x", 1), true);
    for (RecordComponent component : type.getRecordComponents()) {
      for (Object value : hostile) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.put(component.getName(), value);
        bodies.add(json(body));
      }
      Map<String, Object> nulled = new LinkedHashMap<>(base);
      nulled.put(component.getName(), null);
      bodies.add(json(nulled));
    }
    Map<String, Object> unknown = new LinkedHashMap<>(base);
    unknown.put("requestId", 1);
    unknown.put("providerDept", "gaj");
    bodies.add(json(unknown));
    return bodies;
  }

  private static List<byte[]> payloads(Random random) {
    List<String> texts = new ArrayList<>(List.of(
        "", "null", "[]", "{}", "\"text\"", "12345", "{\"a\":", "{{{{", "{\"id\":1}",
        "{\"code\":\"'; DROP TABLE gs_department; --\",\"name\":\"x\"}",
        "{\"name\":\"<script>alert(1)</script>\",\"code\":\"<img src=x onerror=alert(1)>\"}",
        "{\"resourceCode\":\"RK-002' OR '1'='1\",\"purpose\":\"WORK_REFERENCE\",\"reason\":\"r\",\"systemName\":\"s\"}",
        "{\"resourceCode\":[\"RK-002\"],\"purpose\":{\"x\":1}}",
        "{\"purpose\":\"NOT_A_PURPOSE\",\"resourceCode\":\"RK-002\",\"reason\":\"r\",\"systemName\":\"s\"}",
        "{\"resourceCode\":\"RK-002\",\"purpose\":\"WORK_REFERENCE\",\"reason\":\"r\",\"systemName\":\"s\","
            + "\"requestedFields\":[" + ("\"" + "姓".repeat(150) + "\",").repeat(20) + "\"x\"]}",
        "{\"workingDays\":99999999999999999999,\"start\":\"2025-13-45T99:00:00+08:00\"}",
        "{\"now\":\"+999999999-12-31T23:59:59Z\"}", "{\"now\":\"0000-00-00\"}", "{\"now\":12}",
        "{\"kind\":\"MAKEUP_WORKDAY\",\"name\":\"x\",\"reason\":\"y\"}",
        "{\"kind\":\"HOLIDAY\",\"name\":\"" + "节".repeat(65) + "\",\"reason\":\"y\"}",
        "{\"kind\":\"HOLIDAY\",\"name\":\"节\",\"reason\":\"" + "理".repeat(501) + "\"}",
        "{\"holidays\":[{\"name\":\"x\",\"dates\":[\"9999-99-99\"]}],\"workdays\":\"oops\"}",
        "{\"holidays\":[{\"name\":\"" + "节".repeat(65) + "\",\"dates\":[\"2031-01-01\"]}],\"workdays\":[],"
            + "\"reason\":\"" + "理".repeat(501) + "\"}",
        "{\"extensionDays\":\"x\",\"description\":\"   \"}",
        "{\"reason\":\"" + "长".repeat(2001) + "\"}",
        "{\"reason\":" + "\"" + "长".repeat(100_000) + "\"}",
        "{\"department\":\"gaj\",\"legalChange\":\"" + "法".repeat(2001) + "\"}",
        "{\"resourceCode\":\"RK-002\",\"otherResourceCode\":\"FR-002\",\"description\":\"" + "冲".repeat(2001) + "\"}",
        "{\"resourceCode\":\"RK-002\",\"recordLocator\":\"r\",\"description\":\"d\",\"attachments\":[{\"fileName\":"
            + "\"../../../../etc/passwd\",\"contentType\":\"" + "x".repeat(4000) + "\",\"base64\":\"AAAA\"}]}",
        "{\"items\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
        "{\"code\":\"\\u0000\\u0001\",\"name\":\"\\ud800\"}",
        "{\"validUntil\":\"-99999-01-01\",\"dept\":null}"));
    List<byte[]> payloads = new ArrayList<>();
    texts.forEach(t -> payloads.add(t.getBytes(StandardCharsets.UTF_8)));
    payloads.add(new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
    payloads.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 0, 1, 2});
    for (int i = 0; i < 4; i++) {
      byte[] noise = new byte[1 + random.nextInt(300)];
      random.nextBytes(noise);
      payloads.add(noise);
    }
    return payloads;
  }

  // ---- task forms ----

  /** Cases whose processes reach every user task the demo data allows (requests, disputes, corrections, catalogue). */
  private void seedCases() {
    // applicants other than those whose grants ShareRequestApiTest checks (rsj RK-002, mzj FR-002): one context
    Map<String, String> requests = Map.of("RK-002", "scjgj-reviewer", "FR-002", "rsj-applicant", "SB-001",
        "gaj-reviewer", "RK-003", "rsj-applicant");
    for (int copy = 0; copy < 4; copy++) {
      requests.forEach((resource, user) -> ApiClient.as(port, user).post("/api/share-requests", Map.of(
          "resourceCode", resource, "purpose", "WORK_REFERENCE", "reason", "压力测试", "systemName", "业务系统")));
      ApiClient.as(port, "rsj-applicant").post("/api/corrections", Map.of("resourceCode", "RK-002",
          "recordLocator", "公民身份号码 110101199001011234", "description", "姓名有误"));
    }
    ApiClient.as(port, "gaj-reviewer").post("/api/disputes/data-conflicts", Map.of("resourceCode", "RK-002",
        "otherResourceCode", "FR-002", "description", "两部门数据不一致"));
    ApiClient.as(port, "operator").post("/api/catalog/update-obligations",
        Map.of("department", "scjgj", "legalChange", "条例修订"));
    // a change of a published entry goes to the platform's review (R7)
    JsonNode entry = ApiClient.as(port, "scjgj-reviewer").get("/api/catalog/resources/FR-002").json();
    Map<String, Object> edit = new LinkedHashMap<>();
    try {
      for (RecordComponent component : Class.forName("cn.govshare.catalog.ResourceInput").getRecordComponents()) {
        if (entry.has(component.getName())) {
          edit.put(component.getName(), entry.get(component.getName()));
        }
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    edit.put("usageRequirements", "仅限本部门业务使用（压力测试修改）");
    ApiClient.as(port, "scjgj-reviewer").put("/api/catalog/resources/FR-002", edit);
    ApiClient.as(port, "scjgj-reviewer").post("/api/catalog/resources/FR-002/publish", Map.of());
  }

  record Field(String key, String type, boolean required, Integer maxLength, Integer min, Integer max,
      List<Object> options) {
  }

  record Attempt(String describe, boolean overlong, Supplier<ApiClient.Response> request) {
  }

  /** The hostile submissions for one task: each field broken in turn, then broken bodies, both endpoints. */
  private List<Attempt> barrage(Task task, String key, List<Field> fields, String user) {
    List<Attempt> attempts = new ArrayList<>();
    List<Map<String, Object>> variants = new ArrayList<>();
    List<Boolean> overlong = new ArrayList<>();
    Map<String, Object> valid = valid(fields, 0);
    for (Field field : fields) {
      List<Map<String, Object>> values = new ArrayList<>();
      switch (field.type()) {
        case "textarea", "textfield" -> {
          int max = field.maxLength() == null ? 2000 : field.maxLength();
          values.add(Map.of("value", "长".repeat(max + 1)));
          values.add(Map.of("value", "x".repeat(100_000)));
          values.add(Map.of("value", "\u0000\u202E\uFEFF\uD83D"));
          values.add(Map.of("value", 12345, "type", "Integer"));
        }
        case "number" -> {
          values.add(Map.of("value", -5, "type", "Integer"));
          values.add(Map.of("value", 0, "type", "Integer"));
          values.add(Map.of("value", 99999999999L, "type", "Long"));
          values.add(Map.of("value", 1e308, "type", "Double"));
          values.add(Map.of("value", "abc", "type", "Integer"));
          values.add(Map.of("value", "7"));
        }
        default -> {
          values.add(Map.of("value", "maybe"));
          values.add(Map.of("value", 42, "type", "Integer"));
          values.add(Map.of("value", "x", "type", "Boolean"));
        }
      }
      Map<String, Object> nulled = new HashMap<>();
      nulled.put("value", null);
      values.add(nulled);
      for (Map<String, Object> value : values) {
        Map<String, Object> variables = new LinkedHashMap<>(valid);
        variables.put(field.key(), value);
        variants.add(variables);
        overlong.add(value.get("value") instanceof String s && field.maxLength() != null && s.length() > field.maxLength());
      }
    }
    Map<String, Object> serialized = new LinkedHashMap<>(valid);
    serialized.put(fields.isEmpty() ? "x" : fields.get(0).key(), Map.of("value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
        "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
            "serializationDataFormat", "application/x-java-serialized-object")));
    variants.add(serialized);
    overlong.add(false);
    Map<String, Object> file = new LinkedHashMap<>(valid);
    file.put("attachment", Map.of("value", "!!!not base64!!!", "type", "File",
        "valueInfo", Map.of("filename", "../../../../etc/passwd", "mimeType", "x".repeat(4000))));
    variants.add(file);
    overlong.add(false);
    String path = "/engine-rest/task/" + task.getId() + "/";
    for (String action : List.of("submit-form", "complete")) {
      for (int i = 0; i < variants.size(); i++) {
        byte[] body = json(Map.of("variables", variants.get(i)));
        attempts.add(new Attempt(key + " " + user + " " + action + " <- " + preview(body), overlong.get(i),
            () -> ApiClient.as(port, user).sendBytes("POST", path + action, body, "application/json")));
      }
      for (byte[] broken : List.of("{\"variables\":".getBytes(StandardCharsets.UTF_8),
          "{\"variables\":\"x\"}".getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8),
          new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 1})) {
        attempts.add(new Attempt(key + " " + user + " " + action + " <- " + preview(broken), false,
            () -> ApiClient.as(port, user).sendBytes("POST", path + action, broken, "application/json")));
      }
      byte[] plain = json(Map.of("variables", valid));
      attempts.add(new Attempt(key + " " + action + " as text/plain", false,
          () -> ApiClient.as(port, user).sendBytes("POST", path + action, plain, "text/plain")));
    }
    return attempts;
  }

  /**
   * Form values that pass: a short text for required texts, the least number, and radio option {@code choice}
   * counted from the last (the forms list the escalating answer last: 否, 提请领导小组, 需要延期).
   */
  private static Map<String, Object> valid(List<Field> fields, int choice) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Field field : fields) {
      switch (field.type()) {
        case "textarea", "textfield" -> {
          if (field.required()) {
            variables.put(field.key(), Map.of("value", "测试意见"));
          }
        }
        case "number" -> variables.put(field.key(), Map.of("value", field.min() == null ? 1 : field.min(),
            "type", "Integer"));
        case "checkbox" -> variables.put(field.key(), Map.of("value", choice % 2 == 0));
        case "radio", "select" -> {
          if (!field.options().isEmpty()) {
            int n = field.options().size();
            variables.put(field.key(), Map.of("value", field.options().get(n - 1 - choice % n)));
          }
        }
        default -> {
        }
      }
    }
    return variables;
  }

  private List<Field> fields(Task task) {
    List<Field> fields = new ArrayList<>();
    try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
      collect(ApiClient.JSON.readTree(form).path("components"), fields);
    } catch (IOException | RuntimeException e) {
      // a task without a deployed form has no fields of its own
    }
    return fields;
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !component.path("type").asText().equals("text")) {
        JsonNode validate = component.path("validate");
        List<Object> options = new ArrayList<>();
        component.path("values").forEach(v -> options.add(v.path("value").isBoolean() ? v.path("value").asBoolean()
            : v.path("value").asText()));
        fields.add(new Field(component.path("key").asText(), component.path("type").asText(),
            validate.path("required").asBoolean(false), validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
            validate.has("min") ? validate.path("min").asInt() : null,
            validate.has("max") ? validate.path("max").asInt() : null, options));
      }
      collect(component.path("components"), fields);
    }
  }

  /** A demo user allowed to work on the task: its assignee, or a member of a candidate group. */
  private String worker(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          return link.getUserId();
        }
        List<User> members = identity.createUserQuery().memberOfGroup(link.getGroupId()).list();
        if (!members.isEmpty()) {
          return members.get(0).getId();
        }
      }
    }
    return "admin";
  }

  private List<String> activeInstances() {
    return runtime.createProcessInstanceQuery().active().list().stream().map(ProcessInstance::getId).toList();
  }

  private final Map<String, String> processKeys = new HashMap<>();

  private String processKey(String definitionId) {
    return processKeys.computeIfAbsent(definitionId,
        id -> repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult().getKey());
  }

  private Set<String> shippedUserTasks() {
    Set<String> keys = new TreeSet<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      if (PROCESSES.contains(definition.getKey())) {
        repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
            .forEach(t -> keys.add(definition.getKey() + "/" + t.getId()));
      }
    }
    return keys;
  }

  // ---- bookkeeping ----

  /** Counts requests, and collects 5xx answers, writes by refused requests and overlong texts accepted. */
  private final class Findings {

    int sent;
    final List<String> serverErrors = new ArrayList<>();
    final List<String> writesByRefused = new ArrayList<>();
    final List<String> acceptedOverlong = new ArrayList<>();
    private Map<String, Long> counts = rowCounts();

    ApiClient.Response send(String describe, Supplier<ApiClient.Response> request, boolean overlong) {
      ApiClient.Response response = request.get();
      sent++;
      Map<String, Long> after = rowCounts();
      if (response.status() >= 500 || response.text().contains(Rejections.TOO_LONG)) {
        // a value too long for its column that only the database caught counts too: its check is missing
        String answer = response.text().replaceAll("(.)\\1{9,}", "$1…");
        serverErrors.add(describe + " -> " + answer.substring(0, Math.min(answer.length(), 400)));
      } else if (response.status() >= 400 && !after.equals(counts)) {
        writesByRefused.add(describe + " -> " + response.status() + " " + changed(counts, after));
      } else if (response.status() < 300 && overlong) {
        acceptedOverlong.add(describe + " -> " + response.status());
      }
      counts = after;
      return response;
    }

    /** After a legitimate write (a task completed to move on), the next refused request is compared to this. */
    void recount() {
      counts = rowCounts();
    }

    void sendToTask(String describe, String taskId, boolean overlong, Supplier<ApiClient.Response> request) {
      if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
        return;
      }
      ApiClient.Response response = send(describe, request, overlong);
      if (response.status() >= 400 && tasks.createTaskQuery().taskId(taskId).count() == 0) {
        writesByRefused.add(describe + " -> " + response.status() + " but the task is gone");
      }
    }

    void report(String door, String scope) {
      System.out.printf("hostile barrage on %s (%s): %d requests, 5xx: %d, writes by refused: %d, overlong accepted:"
          + " %d%n", door, scope, sent, serverErrors.size(), writesByRefused.size(), acceptedOverlong.size());
      serverErrors.forEach(e -> System.out.println("  5xx: " + e));
      writesByRefused.forEach(e -> System.out.println("  write: " + e));
      acceptedOverlong.forEach(e -> System.out.println("  overlong accepted: " + e));
    }
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> tables = new ArrayList<>(jdbc.queryForList(
        "SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) LIKE 'gs\\_%' ESCAPE '\\' "
            + "AND LOWER(table_name) NOT IN ('gs_audit', 'gs_audit_head', 'gs_schema_history') "
            + "AND table_schema = SCHEMA()", String.class));
    tables.addAll(List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_HI_DETAIL", "ACT_HI_VARINST",
        "ACT_GE_BYTEARRAY"));
    for (String table : tables) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    return counts;
  }

  private static String changed(Map<String, Long> before, Map<String, Long> after) {
    Map<String, String> changed = new TreeMap<>();
    after.forEach((table, count) -> {
      if (!count.equals(before.get(table))) {
        changed.put(table, before.get(table) + "→" + count);
      }
    });
    return changed.toString();
  }

  private static byte[] json(Object value) {
    try {
      return ApiClient.JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String preview(byte[] payload) {
    String text = new String(payload, 0, Math.min(payload.length, 100), StandardCharsets.UTF_8);
    return text + (payload.length > 100 ? "…(" + payload.length + " bytes)" : "");
  }
}
