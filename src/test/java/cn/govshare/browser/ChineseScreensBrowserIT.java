package cn.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20: a Chinese reader's everyday screens in headless Chromium (zh-CN), each journey with a screenshot in
 * docs/images/journey-*.png. Every screen's visible Latin-letter words are counted: ids (anything with a digit,
 * a hyphen, a dot, an underscore or an at sign; every user, group and process key), {@link #PROPER_NOUNS} and at
 * most the screen's own written allowance may remain.
 */
@GovShareTest
class ChineseScreensBrowserIT {

  /** Tasklist's 完成 button under a Camunda Form. */
  private static final By COMPLETE = By.xpath("//button[normalize-space()='完成']");

  /** Latin words any screen may show, each with its reason. Keep it small. */
  static final Map<String, String> PROPER_NOUNS = Map.of(
      "Camunda", "the engine's name in the footer's licence line 技术支持 Camunda Platform",
      "Platform", "the same licence line (the product is called Camunda Platform)",
      "Asia", "the IANA time zone Asia/Shanghai the footer names",
      "Shanghai", "the same time zone name",
      "ID", "标识 is written ID in Chinese software (用户 ID, 组 ID)",
      "BPMN", "the name of the standard the process diagrams follow");

  /** GovShare's own pages: one line each. */
  static final List<Screen> OWN_PAGES = List.of(
      new Screen("首页", null, null, c -> "/", By.id("login-user"), 0),
      new Screen("申请页", null, null, c -> "/apply/", By.id("login-user"), 0),
      new Screen("监督页", null, null, c -> "/supervision/", By.id("login-user"), 0),
      new Screen("节假日安排页", null, null, c -> "/calendar/", By.id("login-user"), 0),
      new Screen("数据开放门户", null, null, c -> "/open/", By.cssSelector("#catalog tr[data-code='FR-001']"), 0));

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @LocalServerPort
  int port;

  /**
   * One screen: where it is (from the cases made for the test), who looks at it, what shows it is ready, and the
   * tab to click first where the address alone does not open it (null: none).
   */
  record Screen(String name, String app, String user, Function<Cases, String> path, By ready, int allowance, By tab) {

    Screen(String name, String app, String user, Function<Cases, String> path, By ready, int allowance) {
      this(name, app, user, path, ready, allowance, null);
    }
  }

  /** The cases the screens show, made through the API before the browser starts. */
  record Cases(String providerTask, String providerInstance, String definitionId) {
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void quit() {
    BROWSER.close();
  }

  @Test
  void everydayScreensShowNoEnglishBeyondIdsAndTheWrittenAllowance() {
    String providerInstance = requestWaitingForGaj("浏览器测试：统计英文");
    String providerTask = task("gaj-reviewer", providerInstance, "providerAuthorization");
    String definitionId = ApiClient.as(port, "admin").get("/engine-rest/process-instance/" + providerInstance).json()
        .path("definitionId").asText();
    Cases cases = new Cases(providerTask, providerInstance, definitionId);
    String tasklist = "/camunda/app/tasklist/default/#/";
    String cockpit = "/camunda/app/cockpit/default/#/";
    String admin = "/camunda/app/admin/default/#/";
    By taskForm = By.cssSelector(".govshare-case-file");
    List<Screen> screens = new ArrayList<>(List.of(
        new Screen("待办列表", "tasklist", "gaj-reviewer", c -> tasklist + "?searchQuery=%5B%5D",
            By.cssSelector(".tasks-list li"), 0),
        new Screen("任务表单", "tasklist", "gaj-reviewer", c -> tasklist + "?searchQuery=%5B%5D&task=" + c.providerTask()
            + "&detailsTab=task-detail-form", taskForm, 0),
        new Screen("任务历史", "tasklist", "gaj-reviewer", c -> tasklist + "?searchQuery=%5B%5D&task="
            + c.providerTask() + "&detailsTab=task-detail-history", By.cssSelector(".task-details"), 0),
        new Screen("任务流程图", "tasklist", "gaj-reviewer", c -> tasklist + "?searchQuery=%5B%5D&task="
            + c.providerTask() + "&detailsTab=task-detail-diagram", By.cssSelector(".task-details .djs-container"), 0),
        new Screen("任务描述", "tasklist", "gaj-reviewer", c -> tasklist + "?searchQuery=%5B%5D&task="
            + c.providerTask() + "&detailsTab=task-detail-description", By.xpath("//*[contains(text(), '提供部门审核共享申请')]"), 0),
        new Screen("监控首页", "cockpit", "supervisor", c -> cockpit + "dashboard", By.cssSelector(".dashboard"), 0),
        new Screen("流程列表", "cockpit", "supervisor", c -> cockpit + "processes",
            By.xpath("//a[contains(., '有条件共享申请')]"), 0),
        new Screen("流程实例", "cockpit", "supervisor", c -> cockpit + "process-instance/" + c.providerInstance()
            + "/runtime?tab=incidents-tab", By.xpath("//table//td[contains(., '办理超期')]"), 0),
        new Screen("异常列表", "cockpit", "supervisor", c -> cockpit + "process-definition/" + c.definitionId()
            + "/runtime?tab=incidents-tab", By.xpath("//table//td[contains(., '办理超期')]"), 0,
            By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='异常']")),
        new Screen("用户列表", "admin", "admin", c -> admin + "users", By.xpath("//a[contains(., 'gaj-reviewer')]"), 0),
        new Screen("组列表", "admin", "admin", c -> admin + "groups", By.xpath("//*[contains(text(), '系统管理员组')]"), 0),
        new Screen("用户资料", "admin", "admin", c -> admin + "users/gaj-reviewer?tab=profile",
            By.id("inputFirstname"), 0),
        new Screen("授权", "admin", "admin", c -> admin + "authorization?resource=0",
            By.xpath("//*[contains(text(), 'tasklist')]"), 0),
        new Screen("欢迎页", "welcome", "admin", c -> "/camunda/app/welcome/default/#!/welcome",
            By.cssSelector(".webapps"), 0)));
    screens.addAll(OWN_PAGES);
    breach(providerTask, providerInstance);

    Set<String> ids = engineIds();
    Map<String, List<String>> tooMany = new LinkedHashMap<>();
    String signedIn = null;
    for (Screen screen : screens) {
      String who = screen.user() == null ? null : screen.user() + "@" + screen.app();
      if (who != null && !who.equals(signedIn)) {
        BROWSER.close();
        BROWSER.camundaLogin(base(), screen.app(), screen.user());
        signedIn = who;
      }
      BROWSER.driver().get(base() + screen.path().apply(cases));
      if (screen.tab() != null) {
        BROWSER.click(screen.tab());
      }
      BROWSER.waiting().withTimeout(Duration.ofSeconds(60))
          .until(ExpectedConditions.visibilityOfElementLocated(screen.ready()));
      BROWSER.waiting().until(d -> d.findElements(By.cssSelector(".app-splash, .loader, .spinner")).stream()
          .noneMatch(WebElement::isDisplayed));
      List<String> english = latinWords().stream().filter(w -> !isId(w, ids) && !PROPER_NOUNS.containsKey(w)).toList();
      if (english.size() > screen.allowance()) {
        BROWSER.screenshot("english-" + screen.name());
        tooMany.put(screen.name(), english);
      }
    }
    assertThat(tooMany).as("English words beyond ids, proper nouns and each screen's allowance").isEmpty();
  }

  @Test
  void eachJourneyInChineseWithItsScreenshot() throws IOException {
    // applicant applies
    BROWSER.close();
    BROWSER.driver().get(base() + "/apply/index.html");
    BROWSER.visible(By.id("login-user")).sendKeys("rsj-applicant");
    BROWSER.driver().findElement(By.id("login-password")).sendKeys("rsj-applicant");
    BROWSER.driver().findElement(By.id("login-submit")).click();
    BROWSER.visible(By.cssSelector("#catalog tr[data-code='RK-002'] button.apply")).click();
    BROWSER.visible(By.id("apply-reason")).sendKeys("浏览器测试：核对参保人员户籍变动");
    BROWSER.driver().findElement(By.id("apply-system")).sendKeys("社会保险业务系统");
    BROWSER.driver().findElement(By.id("apply-submit")).click();
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-status"), "审核中"));
    journey("applicant-applies");
    JsonNode newest = null;
    for (JsonNode request : ApiClient.as(port, "rsj-applicant").get("/api/share-requests?mine=true").json()) {
      newest = newest == null || request.path("id").asLong() > newest.path("id").asLong() ? request : newest;
    }
    String instance = newest.path("processInstanceId").asText();

    // the platform checks: opening the group task claims it, the case file sits above the form
    openTask("operator", task("operator", instance, "normativeCheck"));
    assertThat(caseFileText()).contains("浏览器测试：核对参保人员户籍变动", "市人社局", "市公安局", "本环节办理期限");
    // the form's own heading: read from the request and the catalogue when the form opens, no variable (issue 25)
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
        "户籍变动信息（RK-002）"));
    assertThat(BROWSER.visible(By.cssSelector(".fjs-container")).getText())
        .contains("申请部门：市人社局", "提供部门：市公安局", "用途：", "办结")
        .doesNotContain("{{");
    BROWSER.waiting().until(d -> !ApiClient.as(port, "admin").get("/engine-rest/task?processInstanceId=" + instance
        + "&assignee=operator").json().isEmpty());
    journey("operator-checks");
    ApiClient.as(port, "operator").post("/engine-rest/task/" + task("operator", instance, "normativeCheck")
        + "/submit-form", Map.of("variables", Map.of("checkPassed", Map.of("value", true))));

    // the provider reviews: a refusal needs its reason, and choosing to share after that error never traps 完成
    openTask("gaj-reviewer", task("gaj-reviewer", instance, "providerAuthorization"));
    assertThat(caseFileText()).contains("规范性审查", "审查通过", "R13");
    BROWSER.click(By.xpath("//label[normalize-space()='不予共享']"));
    complete();
    assertThat(BROWSER.visible(By.cssSelector(".fjs-form-field-error")).getText()).isEqualTo("此项为必填项。");
    BROWSER.click(By.xpath("//label[normalize-space()='同意共享']"));
    BROWSER.waiting().until(d -> completeButton().isEnabled());
    journey("provider-reviews");

    // office and leader decide a dispute, with the negotiation record in the case file
    ApiClient.Response created = ApiClient.as(port, "mzj-applicant").post("/api/share-requests", new HashMap<>(Map.of(
        "resourceCode", "RK-003", "purpose", "ADMINISTRATIVE_BASIS", "reason", "浏览器测试：核查救助对象",
        "systemName", "社会救助系统")));
    String disputeId = ApiClient.as(port, "mzj-applicant").get("/api/share-requests/" + created.json().path("id")
        .asLong()).json().path("disputeRef").asText();
    String dispute = ApiClient.as(port, "office").get("/api/disputes/" + disputeId).json().path("dispute")
        .path("processInstanceId").asText();
    ApiClient.as(port, "gaj-reviewer").post("/engine-rest/task/" + task("gaj-reviewer", dispute, "negotiation")
        + "/submit-form", Map.of("variables", Map.of("agreed", Map.of("value", false),
            "negotiationResult", Map.of("value", "涉及侦查秘密，不宜提供"))));
    openTask("office", task("office", dispute, "officeCoordination"));
    assertThat(caseFileText()).contains("部门协商", "未能协商一致", "涉及侦查秘密，不宜提供");
    journey("office-coordinates");
    ApiClient.as(port, "office").post("/engine-rest/task/" + task("office", dispute, "officeCoordination")
        + "/submit-form", Map.of("variables", Map.of("decision", Map.of("value", "ESCALATE"),
            "decisionReason", Map.of("value", "涉及跨部门职责，提请领导小组决定"))));
    openTask("leader", task("leader", dispute, "leadingGroupDecision"));
    assertThat(caseFileText()).contains("涉及跨部门职责，提请领导小组决定", "涉及侦查秘密，不宜提供");
    journey("leader-decides");

    // the provider verifies a doubt and downloads the attachment from the case file
    Map<String, Object> doubt = new HashMap<>(Map.of("resourceCode", "FR-001", "recordLocator", "91430500MA4L0BROW",
        "description", "浏览器测试：登记状态应为注销", "attachments", List.of(Map.of("fileName", "注销通知书.txt",
            "contentType", "text/plain", "base64", Base64.getEncoder().encodeToString("注销".getBytes())))));
    String correction = ApiClient.as(port, "rsj-applicant").post("/api/corrections", doubt).json()
        .path("processInstanceId").asText();
    openTask("scjgj-reviewer", task("scjgj-reviewer", correction, "verifyData"));
    assertThat(BROWSER.visible(By.xpath("//*[contains(@class,'govshare-case-file')]//a[contains(., '注销通知书.txt')]"))
        .getAttribute("href")).contains("/variables/attachment1/data");
    journey("correction-verify");

    // the supervisor sees the breach in Cockpit
    String late = requestWaitingForGaj("浏览器测试：超期");
    breach(task("gaj-reviewer", late, "providerAuthorization"), late);
    BROWSER.close();
    BROWSER.camundaLogin(base(), "cockpit", "supervisor");
    BROWSER.driver().get(base() + "/camunda/app/cockpit/default/#/process-instance/" + late + "/runtime?tab=incidents-tab");
    BROWSER.visible(By.xpath("//table//td[contains(., '办理超期')]"));
    journey("supervisor-cockpit");

    // the administrator manages users in Chinese
    BROWSER.close();
    BROWSER.camundaLogin(base(), "admin", "admin");
    BROWSER.driver().get(base() + "/camunda/app/admin/default/#/groups");
    BROWSER.visible(By.xpath("//*[contains(text(), '系统管理员组')]"));
    assertThat(BROWSER.driver().findElement(By.tagName("body")).getText()).contains("系统管理员", "业务组");
    journey("admin");
  }

  private void openTask(String user, String taskId) {
    BROWSER.close();
    BROWSER.camundaLogin(base(), "tasklist", user);
    BROWSER.driver().get(base() + "/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=" + taskId);
    BROWSER.visible(By.cssSelector(".govshare-case-file"));
    BROWSER.visible(By.cssSelector(".fjs-container"));
  }

  private String caseFileText() {
    return BROWSER.visible(By.cssSelector(".govshare-case-file")).getText();
  }

  private WebElement completeButton() {
    return BROWSER.driver().findElement(COMPLETE);
  }

  private void complete() {
    BROWSER.click(COMPLETE);
  }

  /** The visible words of the page written in Latin letters (ids and numbers included; the caller sorts them out). */
  @SuppressWarnings("unchecked")
  private List<String> latinWords() {
    return (List<String>) ((JavascriptExecutor) BROWSER.driver()).executeScript("""
        const words = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'OPTION'].includes(el.nodeName)) continue;
          const box = el.getBoundingClientRect();
          if (box.width <= 1 || box.height <= 1) continue;
          let shown = true;
          for (let p = el; p; p = p.parentElement) {
            const s = getComputedStyle(p);
            if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') { shown = false; break; }
          }
          if (shown) (n.nodeValue.match(/[A-Za-z][A-Za-z0-9_.@\\-]*/g) || []).forEach((w) => words.push(w));
        }
        return words;""");
  }

  /** An id, a code or a number: a digit, a hyphen, a dot, an underscore or an at sign, or a known key. */
  private static boolean isId(String word, Set<String> ids) {
    return word.matches(".*[0-9_.@\\-].*") || ids.contains(word);
  }

  /** Every user, group, process and application id the screens may show. */
  private Set<String> engineIds() {
    Set<String> ids = new HashSet<>(Set.of("tasklist", "cockpit", "admin", "welcome"));
    ApiClient admin = ApiClient.as(port, "admin");
    admin.get("/engine-rest/user?maxResults=1000").json().forEach(u -> ids.add(u.path("id").asText()));
    admin.get("/engine-rest/group?maxResults=1000").json().forEach(g -> ids.add(g.path("id").asText()));
    admin.get("/engine-rest/process-definition?latestVersion=true").json().forEach(d -> ids.add(d.path("key").asText()));
    return ids;
  }

  /** Moves the clock past the task's due date and waits for the breach incident. */
  private void breach(String taskId, String instance) {
    String due = ApiClient.as(port, "admin").get("/engine-rest/task/" + taskId).json().path("due").asText();
    ApiClient.as(port, "admin").put("/api/admin/clock", Map.of("now", OffsetDateTime.parse(due,
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).plusMinutes(5).toString()));
    BROWSER.waiting().withTimeout(Duration.ofSeconds(90)).until(d -> ApiClient.as(port, "admin")
        .get("/engine-rest/incident?incidentType=deadlineBreach&processInstanceId=" + instance).json().size() == 1);
  }

  private String requestWaitingForGaj(String reason) {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", reason, "systemName", "社会保险业务系统"));
    String instance = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body).json()
        .path("processInstanceId").asText();
    ApiClient.as(port, "operator").post("/engine-rest/task/" + task("operator", instance, "normativeCheck")
        + "/submit-form", Map.of("variables", Map.of("checkPassed", Map.of("value", true))));
    return instance;
  }

  private String task(String user, String instance, String key) {
    JsonNode tasks = ApiClient.as(port, user).get("/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(user + " sees " + key).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  /** The screenshot of a journey, for docs/webapps-zh.md and README (refreshed on every run). */
  private void journey(String name) throws IOException {
    BROWSER.screenshot("journey-" + name);
    Path docs = Path.of("docs", "images");
    if (Files.isDirectory(docs)) {
      Files.copy(Browser.SCREENSHOTS.resolve("journey-" + name + ".png"), docs.resolve("journey-" + name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
