package cn.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import cn.govshare.notification.MailOutbox;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 24 (R25): a citizen registers on the open-data portal, confirms the code that arrives by e-mail, applies
 * for an open resource; the provider answers in Tasklist; the citizen reads the answer in the portal. Screenshots
 * target/browser-screenshots/open-data-*.png (docs/images/open-data-portal.png, docs/images/open-data-review.png).
 */
@GovShareTest
class OpenDataBrowserIT {

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  JavaMailSenderImpl mailSender;

  @AfterAll
  static void quit() {
    BROWSER.close();
  }

  @Test
  void aCitizenRegistersAppliesAndReadsTheProvidersAnswer() throws Exception {
    mailSender.setPort(SMTP.getSmtp().getPort());
    String login = "browser" + System.nanoTime() % 1000000;
    String email = login + "@mail.example.cn";
    BROWSER.driver().get(base() + "/open/");
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("portal-status"), "工作日"));
    assertThat(BROWSER.visible(By.id("portal-status")).getText()).contains("5个工作日", "第二十一条");
    assertThat(BROWSER.visible(By.cssSelector("#catalog tr[data-code='FR-001']")).getText())
        .contains("法人基础信息", "市市场监管局");

    type("register-name", "张三");
    type("register-id", "11010519491231002X");
    type("register-email", email);
    type("register-login", login);
    type("register-password", "Open2025data");
    BROWSER.driver().findElement(By.id("register-submit")).click();
    assertThat(BROWSER.visible(By.id("verify-user")).getText()).isEqualTo("pub-" + login);

    MailOutbox.drain(context);
    MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m, email)).findFirst().orElseThrow();
    Matcher code = CODE.matcher(mail.getContent().toString());
    assertThat(code.find()).isTrue();
    type("verify-code", code.group(1));
    BROWSER.driver().findElement(By.id("verify-submit")).click();
    BROWSER.visible(By.id("requests-section"));

    BROWSER.click(By.cssSelector("#catalog tr[data-code='FR-001'] button.apply"));
    type("apply-purpose", "浏览器测试：研究本市营商环境");
    type("apply-use", "学术论文中的统计分析，不对外提供原始数据");
    BROWSER.driver().findElement(By.id("apply-submit")).click();
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("requests"), "待答复"));
    assertThat(BROWSER.driver().findElement(By.id("requests")).getText()).contains("法人基础信息", "第二十一条");

    // the provider answers in Tasklist: the request, the limit and its article, no personal data
    BROWSER.close();
    BROWSER.camundaLogin(base(), "tasklist", "scjgj-reviewer");
    BROWSER.visible(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., '答复开放数据申请')]")).click();
    String form = BROWSER.visible(By.cssSelector(".fjs-container")).getText();
    assertThat(form).contains("浏览器测试：研究本市营商环境", "第二十一条", "获取方式").doesNotContain("11010519491231002X");
    BROWSER.waiting().until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
    BROWSER.click(By.xpath("//label[normalize-space()='同意开放']"));
    WebElement access = BROWSER.visible(By.xpath("//label[contains(., '获取方式')]/following::textarea[1]"));
    access.sendKeys("经市共享平台服务网关调用法人基础信息查询接口，账号已发至您的邮箱");
    access.sendKeys(Keys.TAB);
    Thread.sleep(800);
    BROWSER.screenshot("open-data-review");
    BROWSER.click(By.xpath("//button[normalize-space()='完成']"));
    BROWSER.waiting().withTimeout(Duration.ofSeconds(30)).until(ExpectedConditions.invisibilityOfElementLocated(
        By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., '答复开放数据申请')]")));

    // the citizen signs in again and reads the answer
    BROWSER.close();
    BROWSER.driver().get(base() + "/open/");
    type("login-user", login);
    type("login-password", "Open2025data");
    BROWSER.driver().findElement(By.id("login-submit")).click();
    BROWSER.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("requests"), "同意开放"));
    assertThat(BROWSER.driver().findElement(By.id("requests")).getText()).contains("服务网关");
    BROWSER.screenshot("open-data-portal");

    // the same account is no government user: Tasklist's login does not keep it
    BROWSER.close();
    BROWSER.driver().get(base() + "/camunda/app/tasklist/default/");
    WebElement name = BROWSER.waiting().until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("input[ng-model='username']")));
    name.sendKeys("pub-" + login);
    BROWSER.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys("Open2025data");
    BROWSER.driver().findElement(By.cssSelector("button[type='submit']")).click();
    Thread.sleep(1500);
    BROWSER.driver().navigate().refresh();
    BROWSER.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  private static boolean to(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(Address::toString).anyMatch(address::equals);
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  private static void type(String id, String text) {
    WebElement field = BROWSER.visible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
