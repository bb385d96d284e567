package cn.govshare.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium (Java, from Maven Central, in the same Failsafe run as
 * the other integration tests). Saves a screenshot under target/browser-screenshots when a test fails.
 */
final class Browser implements TestWatcher, AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private WebDriver driver;

  WebDriver driver() {
    if (driver == null) {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(System.getProperty("govshare.chromium", "/usr/bin/chromium"));
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN");
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(Path.of(System.getProperty("govshare.chromedriver", "/usr/bin/chromedriver")).toFile())
          .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
          .usingAnyFreePort().build();
      driver = new ChromeDriver(service, options);
      driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }
    return driver;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver(), Duration.ofSeconds(20));
  }

  WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Clicks the visible element {@code by} finds, once it is enabled. The pages may render it again between the
   * finding and the click (seen on a slow machine: a stale element); then it is found again, until the wait runs out.
   */
  void click(By by) {
    waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement element = visible(by);
      if (!element.isEnabled()) {
        return false;
      }
      ((JavascriptExecutor) d).executeScript("arguments[0].click()", element);
      return true;
    });
  }

  List<WebElement> all(By by) {
    return driver().findElements(by);
  }

  /** Logs in to a Camunda web app (tasklist, cockpit, admin) through its own login form. */
  void camundaLogin(String baseUrl, String app, String user) {
    driver().get(baseUrl + "/camunda/app/" + app + "/default/");
    WebElement name = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")));
    name.click();
    name.sendKeys(user);
    WebElement password = driver().findElement(By.cssSelector("input[ng-model='password']"));
    password.click();
    password.sendKeys(user);
    driver().findElement(By.cssSelector("button[type='submit']")).click();
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
  }

  void screenshot(String name) {
    if (driver == null) {
      return;
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }
}
