package cn.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.policy.ActivePolicy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The national profile's forms as people see them in Tasklist (issue 13): the applicant's head signs
 * the application off, the provider answers "materials incomplete" with the list, the applicant sees
 * that list on the supplement task. Fails on a raw key, an English label or a field that does not
 * appear when its answer is chosen.
 */
@GovShareTest
class NationalStepsBrowserIT {

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @LocalServerPort
  int port;

  @Autowired
  ActivePolicy policy;

  @BeforeEach
  void national() {
    BROWSER.close();
    policy.activate("national");
  }

  @AfterEach
  void baseline() {
    policy.activate("baseline");
  }

  @AfterAll
  static void quit() {
    BROWSER.close();
  }

  @Test
  void headSignsOffProviderListsMissingMaterialsApplicantSeesThem() {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", "浏览器测试：国家条例", "systemName", "社会保险业务系统"));
    String instance = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body).json()
        .path("processInstanceId").asText();

    // 1. the applicant department's head (article 20)
    openTask("rsj-head", "申请部门负责人同意");
    String form = BROWSER.visible(By.cssSelector(".fjs-container")).getText();
    assertThat(form).contains("第二十条", "户籍变动信息", "浏览器测试：国家条例", "负责人意见", "同意提出申请");
    BROWSER.screenshot("tasklist-national-head-sign-off");
    chooseOnceClaimed("同意提出申请");
    complete();
    awaitTask(instance, "providerAuthorization");

    // 2. the provider: the national answer options, the list field appears for "incomplete"
    openTask("gaj-reviewer", "提供部门审核");
    form = BROWSER.visible(By.cssSelector(".fjs-container")).getText();
    assertThat(form).contains("答复方式", "材料不齐全，一次性告知需补充的材料", "申请延期答复（须经共享主管部门同意）",
        "办理期限", "前办结");
    assertThat(BROWSER.driver().findElements(By.xpath("//label[contains(., '需要补充的全部材料')]"))).isEmpty();
    chooseOnceClaimed("材料不齐全，一次性告知需补充的材料");
    WebElement missing = BROWSER.visible(By.xpath("//label[contains(., '需要补充的全部材料')]/following::textarea[1]"));
    assertThat(BROWSER.driver().findElements(By.xpath("//label[normalize-space()='同意共享']"))).as("answer hidden")
        .allMatch(label -> !label.isDisplayed());
    missing.sendKeys("业务职责依据文件；信息系统等级保护备案证明");
    missing.sendKeys(Keys.TAB);  // form-js takes the text on input, debounced: leave the field first
    sleep(800);
    BROWSER.screenshot("tasklist-national-incomplete");
    complete();
    awaitTask(instance, "supplementMaterials");

    // 3. the applicant sees everything that is missing, at once
    openTask("rsj-applicant", "补充申请材料");
    form = BROWSER.visible(By.cssSelector(".fjs-container")).getText();
    assertThat(form).contains("业务职责依据文件；信息系统等级保护备案证明", "第二十一条", "撤回申请");
    BROWSER.screenshot("tasklist-national-supplement");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void openTask(String user, String taskName) {
    BROWSER.close();
    BROWSER.camundaLogin("http://localhost:" + port, "tasklist", user);
    BROWSER.visible(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., '" + taskName + "')]")).click();
    BROWSER.visible(By.cssSelector(".fjs-container"));
  }

  /** Opening the group task claimed it for its candidate (Tasklist's script, docs/webapps-zh.md): choose. */
  private void chooseOnceClaimed(String option) {
    BROWSER.waiting().until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
    BROWSER.click(By.xpath("//label[normalize-space()='" + option + "']"));
  }

  private void complete() {
    BROWSER.click(By.xpath("//button[normalize-space()='完成']"));
  }

  private void awaitTask(String instance, String key) {
    BROWSER.waiting().withTimeout(java.time.Duration.ofSeconds(30)).until(d -> ApiClient.as(port, "admin")
        .get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json().size() == 1);
  }
}
