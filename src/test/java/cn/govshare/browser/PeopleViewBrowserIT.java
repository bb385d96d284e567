package cn.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The people's view (issue 10) in headless Chromium: a reviewer in Tasklist, a supervisor in Cockpit,
 * an administrator redeploying BPMN, an applicant on the applicant page. Fails on a raw translation
 * key, a missing due date or an incident message without its article.
 */
@GovShareTest
class PeopleViewBrowserIT {

  static final Pattern RAW_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]+_[A-Z0-9_]{3,}\\b");

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @LocalServerPort
  int port;

  @BeforeEach
  void freshBrowser() {
    BROWSER.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void quit() {
    BROWSER.close();
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** A conditional request for RK-002 that has passed the platform's check: waiting for gaj. */
  String requestWaitingForGaj(String reason) {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", reason, "systemName", "社会保险业务系统"));
    JsonNode created = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body).json();
    String instance = created.path("processInstanceId").asText();
    String check = ApiClient.as(port, "operator").get("/engine-rest/task?processInstanceId=" + instance).json()
        .get(0).path("id").asText();
    ApiClient.as(port, "operator").post("/engine-rest/task/" + check + "/submit-form",
        Map.of("variables", Map.of("checkPassed", Map.of("value", true))));
    return instance;
  }

  void assertNoRawKeys(String where) {
    String text = BROWSER.driver().findElement(By.tagName("body")).getText();
    assertThat(RAW_KEY.matcher(text).results().map(r -> r.group()).toList()).as(where + " shows raw keys").isEmpty();
  }

  @Test
  void reviewerDecidesInChineseTasklistWithRequiredReason() {
    String instance = requestWaitingForGaj("浏览器测试：核对参保人员户籍变动");
    BROWSER.camundaLogin(base(), "tasklist", "gaj-reviewer");
    WebElement task = BROWSER.visible(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., '提供部门审核')]"));
    assertNoRawKeys("tasklist list");
    assertThat(BROWSER.driver().findElement(By.tagName("body")).getText()).doesNotContain("规范性审查");
    task.click();
    BROWSER.visible(By.xpath("//*[contains(@class,'fjs-container')]//*[contains(text(), '户籍变动信息')]"));
    String form = BROWSER.visible(By.cssSelector(".fjs-container")).getText();
    assertThat(form).contains("户籍变动信息", "市人社局", "工作参考", "浏览器测试：核对参保人员户籍变动", "社会保险业务系统",
        "办理期限", "前办结", "审核结论");
    assertNoRawKeys("tasklist form");
    BROWSER.screenshot("tasklist-provider-authorization");
    // opening an unclaimed group task claims it for its candidate (Tasklist's script, docs/webapps-zh.md)
    BROWSER.waiting().until(d -> ApiClient.as(port, "admin").get("/engine-rest/task?processInstanceId=" + instance
        + "&assignee=gaj-reviewer").json().size() == 1);
    BROWSER.waiting().until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());

    BROWSER.click(By.xpath("//label[normalize-space()='不予共享']"));
    // the denial reason is required: completing without it marks the field and leaves the task open
    complete();
    BROWSER.visible(By.cssSelector(".fjs-form-field-error"));
    assertThat(open(instance)).as("task completed without denial reason").isTrue();
    BROWSER.screenshot("tasklist-denial-reason-required");

    WebElement reason = BROWSER.visible(By.xpath("//textarea"));
    reason.sendKeys("申请用途与提供部门的共享条件不符");
    complete();
    BROWSER.waiting().withTimeout(java.time.Duration.ofSeconds(30)).until(d -> !open(instance));
    JsonNode request = ApiClient.as(port, "supervisor").get("/api/share-requests?mine=false").json();
    assertThat(request.toString()).contains("申请用途与提供部门的共享条件不符");
  }

  @Test
  void supervisorDrillsFromDefinitionToInstanceToTheBreachIncident() throws Exception {
    String instance = requestWaitingForGaj("浏览器测试：超期");
    JsonNode task = ApiClient.as(port, "gaj-reviewer").get("/engine-rest/task?processInstanceId=" + instance).json()
        .get(0);
    String due = task.path("due").asText();
    ApiClient.as(port, "admin").put("/api/admin/clock", Map.of("now", java.time.OffsetDateTime.parse(due,
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).plusMinutes(5).toString()));
    BROWSER.waiting().withTimeout(java.time.Duration.ofSeconds(60)).until(d -> ApiClient.as(port, "admin")
        .get("/engine-rest/incident?incidentType=deadlineBreach&processInstanceId=" + instance).json().size() == 1);
    String definitionId = ApiClient.as(port, "admin").get("/engine-rest/process-instance/" + instance).json()
        .path("definitionId").asText();

    BROWSER.camundaLogin(base(), "cockpit", "supervisor");
    BROWSER.driver().get(base() + "/camunda/app/cockpit/default/#/processes");
    BROWSER.visible(By.xpath("//a[contains(., '有条件共享申请')]")).click();
    BROWSER.waiting().until(ExpectedConditions.urlContains("process-definition"));
    assertNoRawKeys("cockpit definition");
    BROWSER.driver().get(base() + "/camunda/app/cockpit/default/#/process-definition/" + definitionId
        + "/runtime?searchQuery=%5B%5D");
    BROWSER.visible(By.xpath("//a[contains(@href, '" + instance + "')]")).click();
    BROWSER.waiting().until(ExpectedConditions.urlContains(instance));
    BROWSER.driver().get(base() + "/camunda/app/cockpit/default/#/process-instance/" + instance
        + "/runtime?tab=incidents-tab");
    WebElement incident = BROWSER.visible(By.xpath("//*[contains(text(), '超期')]"));
    String message = incident.getText();
    // the R13 period (national 20, 21 keep it running through sign-off) names the step it waits at
    assertThat(message).contains("提供部门答复", "待办：提供部门审核", "R13", "第二十条", "前办结");
    assertNoRawKeys("cockpit incidents");
    BROWSER.screenshot("cockpit-deadline-breach");
  }

  @Test
  void administratorRedeploysAChangedModelAndOnlyNewRequestsUseIt() throws Exception {
    String running = requestWaitingForGaj("浏览器测试：旧版本");
    String bpmn = Files.readString(Path.of("bpmn", "conditional-share-request.bpmn"), StandardCharsets.UTF_8)
        .replace("name=\"提供部门审核\"", "name=\"提供部门审核（新版）\"");
    String boundary = "govshareRedeploy";
    // docs/operations.md: the forms go with the BPMN (formRefBinding="deployment")
    StringBuilder forms = new StringBuilder();
    try (var files = Files.list(Path.of("forms"))) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
            .append(form.getFileName()).append("\"; filename=\"").append(form.getFileName())
            .append("\"\r\nContent-Type: application/json\r\n\r\n")
            .append(Files.readString(form, StandardCharsets.UTF_8)).append("\r\n");
      }
    }
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n改名测试\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\nfalse\r\n"
        + forms
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"conditional-share-request.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    assertThat(ApiClient.as(port, "gaj-reviewer").send("POST", "/engine-rest/deployment/create", body,
        "multipart/form-data; boundary=" + boundary).status()).isEqualTo(403);
    ApiClient.Response deployed = ApiClient.as(port, "admin").send("POST", "/engine-rest/deployment/create", body,
        "multipart/form-data; boundary=" + boundary);
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    try {
      String fresh = requestWaitingForGaj("浏览器测试：新版本");
      assertThat(taskName(fresh)).isEqualTo("提供部门审核（新版）");
      assertThat(taskName(running)).isEqualTo("提供部门审核");

      BROWSER.camundaLogin(base(), "tasklist", "gaj-reviewer");
      BROWSER.visible(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., '提供部门审核（新版）')]")).click();
      // the new version's task opens its form: the forms were deployed with the model
      assertThat(BROWSER.visible(By.cssSelector(".fjs-container")).getText()).contains("审核结论");
      BROWSER.screenshot("tasklist-after-redeploy");
    } finally {
      // put the shipped model back as the newest version for the other tests
      String original = Files.readString(Path.of("bpmn", "conditional-share-request.bpmn"), StandardCharsets.UTF_8);
      String restore = body.replace(bpmn, original).replace("改名测试", "恢复");
      ApiClient.as(port, "admin").send("POST", "/engine-rest/deployment/create", restore,
          "multipart/form-data; boundary=" + boundary);
    }
  }

  @Test
  void applicantAppliesFromTheCatalogueAndFollowsTheRequest() {
    BROWSER.driver().get(base() + "/apply/index.html");
    BROWSER.visible(By.id("login-user")).sendKeys("rsj-applicant");
    BROWSER.driver().findElement(By.id("login-password")).sendKeys("rsj-applicant");
    BROWSER.driver().findElement(By.id("login-submit")).click();
    WebElement row = BROWSER.visible(By.cssSelector("#catalog tr[data-code='RK-002']"));
    assertThat(row.getText()).contains("户籍变动信息", "市公安局", "有条件共享");
    row.findElement(By.cssSelector("button.apply")).click();
    BROWSER.visible(By.id("apply-reason")).sendKeys("浏览器测试：申请页面提交");
    BROWSER.driver().findElement(By.id("apply-system")).sendKeys("社会保险业务系统");
    BROWSER.driver().findElement(By.xpath("//fieldset[@id='apply-fields']//label[contains(., '姓名')]/input")).click();
    BROWSER.driver().findElement(By.id("apply-submit")).click();
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-status"), "审核中"));
    assertThat(BROWSER.driver().findElement(By.id("detail-steps")).getText()).contains("提交申请", "规范性审查")
        // issue 20: the open step's deadline as its last day, the same text as in Tasklist
        .containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日（星期[一二三四五六日]）前");
    assertThat(BROWSER.driver().findElement(By.id("requests")).getText()).contains("RK-002", "审核中");
    BROWSER.screenshot("applicant-page");
  }

  private void complete() {
    BROWSER.click(By.xpath("//button[normalize-space()='完成']"));
  }

  private boolean open(String instance) {
    return ApiClient.as(port, "admin").get("/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=providerAuthorization").json().size() == 1;
  }

  private String taskName(String instance) {
    List<JsonNode> tasks = List.of(ApiClient.as(port, "admin").get("/engine-rest/task?processInstanceId=" + instance)
        .json().get(0));
    return tasks.get(0).path("name").asText();
  }
}
