package cn.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@GovShareTest
class WebappsBrowserIT {

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @LocalServerPort
  int port;

  @AfterAll
  static void quit() {
    BROWSER.close();
  }

  @Test
  void administratorSeesTasklistCockpitAndAdminOnTheWelcomePage() {
    BROWSER.camundaLogin(base(), "welcome", "admin");
    String page = BROWSER.visible(By.cssSelector(".webapps")).getText();
    assertThat(BROWSER.driver().getPageSource()).contains("/camunda/app/cockpit/", "/camunda/app/tasklist/",
        "/camunda/app/admin/");
    assertThat(page).isNotBlank();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
