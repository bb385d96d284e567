package cn.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 20: the front door (/) shows every entry with who it is for, and after login only the user's own. */
@GovShareTest
class FrontDoorBrowserIT {

  private static final List<String> ALL = List.of("entry-apply", "entry-tasklist", "entry-supervision",
      "entry-cockpit", "entry-admin", "entry-calendar");

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @LocalServerPort
  int port;

  @AfterEach
  void signOut() {
    ((JavascriptExecutor) BROWSER.driver()).executeScript("sessionStorage.clear()");
  }

  @AfterAll
  static void quit() {
    BROWSER.close();
  }

  @Test
  void beforeLoginEveryEntrySaysWhoItIsFor() {
    BROWSER.driver().get(base() + "/");
    BROWSER.visible(By.id("login-user"));
    assertThat(visibleEntries()).containsExactlyElementsOf(ALL);
    for (String entry : ALL) {
      assertThat(BROWSER.driver().findElement(By.id(entry)).getText()).contains("适用于");
    }
    BROWSER.screenshot("front-door");
  }

  @Test
  void applicantSeesTheApplicationPageAndTasklistAndArrivesSignedIn() {
    signIn("rsj-applicant");
    assertThat(visibleEntries()).containsExactly("entry-apply", "entry-tasklist");
    assertThat(highlighted()).containsExactly("entry-apply", "entry-tasklist");
    assertThat(BROWSER.driver().findElement(By.id("who")).getText()).contains("市人社局");
    BROWSER.screenshot("front-door-applicant");

    BROWSER.driver().findElement(By.id("entry-apply")).click();
    BROWSER.visible(By.cssSelector("#catalog tr[data-code='RK-002']"));
    assertThat(BROWSER.driver().getCurrentUrl()).endsWith("/apply/");
    assertThat(BROWSER.driver().findElement(By.id("who")).getText()).contains("市人社局");
  }

  @Test
  void reviewerSeesTasklistAndTheApplicationPage() {
    signIn("gaj-reviewer");
    assertThat(visibleEntries()).containsExactly("entry-apply", "entry-tasklist");
    assertThat(BROWSER.driver().findElement(By.id("entry-tasklist")).getAttribute("href"))
        .endsWith("/camunda/app/tasklist/");
  }

  @Test
  void supervisorSeesTheSupervisionPageAndCockpit() {
    signIn("supervisor");
    assertThat(visibleEntries()).containsExactly("entry-supervision", "entry-cockpit");
    assertThat(highlighted()).containsExactly("entry-supervision", "entry-cockpit");
  }

  @Test
  void administratorSeesAdminCockpitAndTheHolidayCalendar() {
    signIn("admin");
    assertThat(visibleEntries()).containsExactly("entry-cockpit", "entry-admin", "entry-calendar");
    BROWSER.screenshot("front-door-admin");
  }

  @Test
  void wrongPasswordIsSaidInChineseAndShowsNothingMore() {
    BROWSER.driver().get(base() + "/");
    // a user that does not exist: a wrong password for a demo user would throttle it for the other tests
    BROWSER.visible(By.id("login-user")).sendKeys("no-such-user");
    BROWSER.driver().findElement(By.id("login-password")).sendKeys("wrong");
    BROWSER.driver().findElement(By.id("login-submit")).click();
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "登录失败"));
    assertThat(visibleEntries()).containsExactlyElementsOf(ALL);
    assertThat(highlighted()).isEmpty();
  }

  private void signIn(String user) {
    BROWSER.driver().get(base() + "/");
    BROWSER.visible(By.id("login-user")).sendKeys(user);
    BROWSER.driver().findElement(By.id("login-password")).sendKeys(user);
    BROWSER.driver().findElement(By.id("login-submit")).click();
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("intro-text"), "您的身份"));
  }

  private List<String> visibleEntries() {
    return BROWSER.all(By.cssSelector(".entry")).stream().filter(WebElement::isDisplayed)
        .map(e -> e.getAttribute("id")).toList();
  }

  private List<String> highlighted() {
    return BROWSER.all(By.cssSelector(".entry.mine")).stream().filter(WebElement::isDisplayed)
        .map(e -> e.getAttribute("id")).toList();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
