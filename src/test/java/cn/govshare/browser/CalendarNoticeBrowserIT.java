package cn.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.calendar.RunTimeYears;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Issue 21 in headless Chromium: an administrator pastes the 2027 notice at /calendar/, previews it, applies it. */
@GovShareTest
class CalendarNoticeBrowserIT {

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @BeforeEach
  void freshBrowserLoggedInAsAdministrator() {
    BROWSER.close();
    BROWSER.driver().manage().window().setSize(new Dimension(1400, 1650));
    BROWSER.driver().get("http://localhost:" + port + "/calendar/");
    BROWSER.visible(By.id("login-user")).sendKeys("admin");
    BROWSER.driver().findElement(By.id("login-password")).sendKeys("admin");
    BROWSER.driver().findElement(By.id("login-submit")).click();
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("years-official"), "2026"));
  }

  @AfterEach
  void forget2027() {
    RunTimeYears.forget(context, 2027);
  }

  @AfterAll
  static void quit() {
    BROWSER.close();
  }

  @Test
  void administratorPastesThe2027NoticePreviewsItAsMonthCalendarsAndAppliesIt() throws IOException {
    String notice;
    try (InputStream in = getClass().getResourceAsStream("/calendar/notices/2027.txt")) {
      notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    WebElement text = BROWSER.visible(By.id("notice-text"));
    // as a paste does: the whole text at once, then an input event
    ((JavascriptExecutor) BROWSER.driver()).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", text, notice);
    BROWSER.driver().findElement(By.id("preview")).click();
    BROWSER.visible(By.id("result"));
    assertThat(BROWSER.driver().findElement(By.id("result-title")).getText()).startsWith("2027 年");
    assertThat(BROWSER.driver().findElement(By.id("result-source")).getText()).contains("国办发明电〔2026〕9号");
    assertThat(day("2027-02-05").getAttribute("class")).contains("holiday");
    assertThat(day("2027-02-05").getAttribute("title")).contains("春节");
    assertThat(day("2027-02-14").getAttribute("class")).contains("makeup");
    assertThat(day("2027-02-15").getAttribute("class")).doesNotContain("holiday", "makeup");
    assertThat(BROWSER.all(By.cssSelector("table.month"))).hasSize(12);
    assertThat(BROWSER.driver().findElement(By.id("unread-box")).isDisplayed()).isFalse();
    assertThat(BROWSER.driver().findElement(By.id("difference")).getText()).contains("2027-01-01", "节假日（元旦）");

    BROWSER.driver().findElement(By.id("apply")).click();
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply-result"), "已载入 2027 年"));
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("years-imported"), "2027"));
    assertThat(ApiClient.as(port, "rsj-applicant").get("/api/calendar/days/2027-02-08").json().path("kind").asText())
        .isEqualTo("HOLIDAY");
    ((JavascriptExecutor) BROWSER.driver()).executeScript("window.scrollTo(0, 0)");
    BROWSER.screenshot("calendar-notice");

    // the same notice again is an amendment of a year in force: applying needs the explicit confirmation
    BROWSER.driver().findElement(By.id("preview")).click();
    WebElement amend = BROWSER.visible(By.id("amend"));
    assertThat(BROWSER.driver().findElement(By.id("amend-label")).getText()).contains("确认修订 2027 年");
    assertThat(BROWSER.driver().findElement(By.id("apply")).isEnabled()).isFalse();
    amend.click();
    assertThat(BROWSER.driver().findElement(By.id("apply")).isEnabled()).isTrue();
  }

  @Test
  void aWrongWeekdayIsHighlightedAndTheYearCannotBeApplied() {
    WebElement text = BROWSER.visible(By.id("notice-text"));
    text.clear();
    text.sendKeys("国务院办公厅关于2027年部分节假日安排的通知\n\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n\n"
        + "二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月14日（周六）上班。\n");
    BROWSER.driver().findElement(By.id("preview")).click();
    WebElement unread = BROWSER.visible(By.cssSelector("#notice-lines li.unread"));
    assertThat(unread.getText()).contains("二、春节", "2027-02-14 是星期日");
    assertThat(BROWSER.driver().findElement(By.id("unread-count")).getText()).isEqualTo("1");
    assertThat(BROWSER.driver().findElement(By.id("apply")).isEnabled()).isFalse();
  }

  private static WebElement day(String date) {
    return BROWSER.driver().findElement(By.cssSelector("span[data-date='" + date + "']"));
  }
}
