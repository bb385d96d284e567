package cn.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision page in a Chinese browser: a supervisor logs in at /supervision/ and reads breaches, violations
 * and open rectification orders with their charts; a department's login is turned away. Screenshot:
 * target/browser-screenshots/supervision.png (docs/images/supervision.png).
 */
@GovShareTest
class SupervisionBrowserIT {

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @LocalServerPort
  int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void quit() {
    BROWSER.close();
  }

  @Test
  void supervisorReadsBreachesViolationsAndOrdersWithChartsAndADepartmentIsTurnedAway() {
    ApiClient admin = ApiClient.as(port, "admin");
    admin.put("/api/admin/clock", Map.of("now", "2025-09-26T10:00:00+08:00"));
    String late = request("浏览器测试：监督页面超期");
    String onTime = request("浏览器测试：按期审查");
    JsonNode check = ApiClient.as(port, "operator").get("/engine-rest/task?processInstanceId=" + onTime).json().get(0);
    ApiClient.as(port, "operator").post("/engine-rest/task/" + check.path("id").asText() + "/submit-form",
        Map.of("variables", Map.of("checkPassed", Map.of("value", true))));
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    long violation = supervisor.post("/api/violations", Map.of("kind", "REFUSAL_WITHOUT_GROUNDS", "department", "gaj",
        "description", "以“内部资料”为由拒绝提供户籍变动信息，无法律依据")).json().path("id").asLong();
    supervisor.post("/api/violations", Map.of("kind", "MISUSE", "department", "rsj",
        "description", "将共享的法人信息用于授权范围以外的系统"));
    supervisor.post("/api/rectification-orders", Map.of("violationId", violation,
        "requirement", "重新答复申请并说明法律依据"));
    admin.put("/api/admin/clock", Map.of("now", "2025-10-09T10:00:00+08:00"));
    BROWSER.waiting().withTimeout(Duration.ofSeconds(60)).until(d -> admin.get(
        "/engine-rest/incident?incidentType=deadlineBreach&processInstanceId=" + late).json().size() == 1);

    login("gaj-head");
    BROWSER.visible(By.xpath("//*[@id='login-error' and contains(., '无权访问')]"));

    BROWSER.driver().get(base() + "/supervision/");
    login("supervisor");
    BROWSER.visible(By.xpath("//section[@data-table='deadlines']//td[contains(., '已超期')]"));
    BROWSER.visible(By.xpath("//section[@data-table='violations']//td[contains(., '无正当理由拒绝共享')]"));
    BROWSER.visible(By.xpath("//section[@data-table='orders']//td[contains(., '待整改')]"));
    BROWSER.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-kinds canvas")));
    BROWSER.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-ontime canvas")));
    assertThat(BROWSER.driver().findElement(By.id("chart-calls")).getText()
        + BROWSER.driver().findElement(By.id("deliveries")).getText()).isNotBlank();
    String text = BROWSER.driver().findElement(By.tagName("body")).getText();
    assertThat(text).contains("时限与超期", "违规记录", "责令改正", "导出 Excel").doesNotContain("undefined", "null");
    BROWSER.screenshot("supervision");
  }

  private void login(String user) {
    BROWSER.driver().get(base() + "/supervision/");
    BROWSER.driver().manage().deleteAllCookies();
    ((org.openqa.selenium.JavascriptExecutor) BROWSER.driver()).executeScript("sessionStorage.clear()");
    BROWSER.driver().navigate().refresh();
    BROWSER.visible(By.id("login-user")).sendKeys(user);
    BROWSER.driver().findElement(By.id("login-password")).sendKeys(user);
    BROWSER.driver().findElement(By.id("login-submit")).click();
  }

  private String request(String reason) {
    return ApiClient.as(port, "rsj-applicant").post("/api/share-requests", Map.of("resourceCode", "RK-002",
        "purpose", "WORK_REFERENCE", "reason", reason, "systemName", "社会保险业务系统")).json()
        .path("processInstanceId").asText();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
