package cn.govshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 25: the API's JSON answers carry their length and are not chunked, so Tomcat sends each in one write
 * (SizedJsonConverter). The grant check, a list and a problem detail; the body is whole and in UTF-8.
 */
@GovShareTest
class JsonAnswerLengthTest {

  @LocalServerPort
  int port;

  @Test
  void theGrantCheckIsAnsweredWithItsLength() {
    ApiClient.Response answer = ApiClient.as(port, "mzj-applicant")
        .get("/api/grants/check?dept=mzj&resource=FR-002&purpose=DATA_VERIFICATION");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertSized(answer);
    assertThat(answer.json().path("reason").asText()).isEqualTo("无有效授权");
  }

  @Test
  void aListAndAProblemDetailToo() {
    ApiClient.Response list = ApiClient.as(port, "supervisor").get("/api/deadlines?state=OPEN&size=20");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertSized(list);
    ApiClient.Response problem = ApiClient.as(port, "mzj-applicant")
        .get("/api/grants/check?dept=mzj&resource=NO-SUCH&purpose=DATA_VERIFICATION");
    assertThat(problem.status()).as(problem.toString()).isEqualTo(400);
    assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
    assertSized(problem);
    assertThat(problem.text()).contains("resource", "资源目录中没有 NO-SUCH");
  }

  private static void assertSized(ApiClient.Response response) {
    assertThat(response.header("Transfer-Encoding")).as(response.toString()).isNull();
    assertThat(response.header("Content-Length")).as(response.toString())
        .isEqualTo(String.valueOf(response.text().getBytes(StandardCharsets.UTF_8).length));
  }
}
