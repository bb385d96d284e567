package cn.govshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 18 class 8: anonymous health says UP/DOWN only; details need a supervisor or an administrator. */
@GovShareTest
class HealthDetailsTest {

  @LocalServerPort
  int port;

  @Test
  void anonymousHealthShowsOnlyTheStatus() {
    ApiClient.Response response = ApiClient.anonymous(port).get("/actuator/health");
    assertThat(response.status()).isEqualTo(200);
    JsonNode health = response.json();
    assertThat(health.path("status").asText()).isIn("UP", "DEGRADED");
    assertThat(health.has("components")).isFalse();
    assertThat(response.text()).doesNotContain("diskSpace", "path", "lockOwner", "database");
  }

  @Test
  void aDepartmentUserSeesNoDetailsEither() {
    assertThat(ApiClient.as(port, "mzj-applicant").get("/actuator/health").json().has("components")).isFalse();
  }

  @Test
  void supervisorsAndAdministratorsSeeTheDetails() {
    for (String user : new String[] {"supervisor", "admin"}) {
      JsonNode health = ApiClient.as(port, user).get("/actuator/health").json();
      assertThat(health.path("components").has("diskSpace")).as(user + ": " + health).isTrue();
      assertThat(health.path("components").has("db")).isTrue();
    }
  }

  /** A user that does not exist: a wrong password on a demo account would delay its next login (Camunda). */
  @Test
  void wrongCredentialsOnHealthAre401() {
    assertThat(ApiClient.withPassword(port, "health-probe", "wrong").get("/actuator/health").status())
        .isEqualTo(401);
  }
}
