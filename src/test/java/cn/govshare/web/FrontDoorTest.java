package cn.govshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 20: "/" is GovShare's own front door, the applicant page answers at its folder, /api/me says who. */
@GovShareTest
class FrontDoorTest {

  @LocalServerPort
  int port;

  @Test
  void frontDoorLeadsToEveryPageWithoutLogin() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/")).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("政务信息资源共享审批平台", "href=\"/apply/\"", "href=\"/camunda/app/tasklist/\"",
        "href=\"/supervision/\"", "href=\"/camunda/app/cockpit/\"", "href=\"/camunda/app/admin/\"",
        "href=\"/calendar/\"", "href=\"/open/\"");
  }

  @Test
  void applicantPageAnswersAtItsFolderWithAndWithoutTheSlash() {
    ApiClient anonymous = ApiClient.anonymous(port);
    assertRedirect("/apply", "/apply/");
    assertThat(anonymous.get("/apply/").text()).isEqualTo(anonymous.get("/apply/index.html").text())
        .contains("共享申请");
  }

  @Test
  void meNamesTheCallersDepartmentAndRoles() {
    ApiClient.Response me = ApiClient.as(port, "rsj-applicant").get("/api/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    var applicant = me.json();
    assertThat(applicant.path("departmentName").asText()).isEqualTo("市人社局");
    assertThat(applicant.path("name").asText()).isNotEqualTo("rsj-applicant");
    assertThat(applicant.path("roles").findValuesAsText("role")).containsExactly("APPLICANT", "REVIEWER");
    assertThat(applicant.path("roles").findValuesAsText("label")).containsExactly("申请人员", "审核办理人员");

    assertThat(ApiClient.as(port, "supervisor").get("/api/me").json().path("roles").findValuesAsText("role"))
        .containsExactly("SUPERVISOR");
    assertThat(ApiClient.as(port, "admin").get("/api/me").json().path("roles").findValuesAsText("role"))
        .containsExactly("ADMINISTRATOR");
    assertThat(ApiClient.as(port, "leader").get("/api/me").json().path("roles").findValuesAsText("role"))
        .containsExactly("REVIEWER");
  }

  @Test
  void meNeedsALogin() {
    assertThat(ApiClient.anonymous(port).get("/api/me").status()).isEqualTo(401);
    assertThat(ApiClient.withPassword(port, "no-such-user", "wrong").get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void apiDescriptionIsBrowsableWithoutLogin() {
    assertRedirect("/swagger-ui/", "/swagger-ui/index.html");
    assertThat(ApiClient.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  private void assertRedirect(String path, String target) {
    ApiClient.Response response = ApiClient.anonymous(port).get(path);
    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).endsWith(target);
  }
}
