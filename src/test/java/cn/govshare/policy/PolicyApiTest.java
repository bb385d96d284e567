package cn.govshare.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@GovShareTest
class PolicyApiTest {

  @LocalServerPort
  int port;

  @Test
  void activeTableShowsEveryLimitWithItsCitation() {
    JsonNode policy = ApiClient.as(port, "rsj-applicant").get("/api/policy").json();
    assertThat(policy.path("name").asText()).isEqualTo("baseline");
    assertThat(policy.path("limits").path("R13").path("amount").asInt()).isEqualTo(10);
    assertThat(policy.path("limits").path("R13").path("citation").asText()).contains("第二十条");
    // SPEC §8: the ceiling is on by default; the effective correction extension cites both articles
    assertThat(policy.path("nationalCeiling").asBoolean()).isTrue();
    assertThat(policy.path("limits").path("R22-EXT").path("amount").asInt()).isEqualTo(5);
    assertThat(policy.path("limits").path("R22-EXT").path("citation").asText()).contains("第二十五条", "第二十六条");
    assertThat(policy.path("localLimits").path("R22-EXT").path("amount").asInt()).isEqualTo(15);
  }

  @Test
  void healthShowsTheCeiling() {
    // details are for supervisors and administrators only (issue 18 class 8)
    JsonNode health = ApiClient.as(port, "supervisor").get("/actuator/health").json();
    assertThat(health.path("components").path("policyHealth").path("details").path("nationalCeiling").asBoolean())
        .isTrue();
  }

  @Test
  void complianceListsLooserLocalLimitsWithBothCitations() {
    JsonNode findings = ApiClient.as(port, "supervisor").get("/api/policy/compliance").json();
    // every policy/*.yml found is checked, test-only files included; national is the yardstick itself
    assertThat(findings.fieldNames()).toIterable().contains("baseline", "jinan", "county", "hubei",
        "shaoyang", "nanchang", "quickcheck").doesNotContain("national", "broken-key");
    JsonNode shaoyangR22 = null;
    for (JsonNode f : findings.path("shaoyang")) {
      if (f.path("rule").asText().equals("R22")) {
        shaoyangR22 = f;
      }
    }
    assertThat(shaoyangR22).isNotNull();
    assertThat(shaoyangR22.path("nationalCitation").asText()).contains("国务院令第809号");
    assertThat(shaoyangR22.path("enforced").asBoolean()).isTrue();
    assertThat(shaoyangR22.path("enforcement").asText()).contains("5+5个工作日");
  }

  @Test
  void unknownProfileInComplianceQueryIs400NamingTheParameter() {
    ApiClient.Response response = ApiClient.as(port, "supervisor").get("/api/policy/compliance?profile=atlantis");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).isEqualTo("profile");
  }
}
