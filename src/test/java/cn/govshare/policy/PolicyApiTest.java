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
  }

  @Test
  void complianceListsLooserLocalLimitsWithBothCitations() {
    JsonNode findings = ApiClient.as(port, "supervisor").get("/api/policy/compliance").json();
    assertThat(findings.fieldNames()).toIterable().containsExactly("baseline", "jinan", "county", "hubei",
        "shaoyang", "nanchang");
    JsonNode shaoyangR22 = null;
    for (JsonNode f : findings.path("shaoyang")) {
      if (f.path("rule").asText().equals("R22")) {
        shaoyangR22 = f;
      }
    }
    assertThat(shaoyangR22).isNotNull();
    assertThat(shaoyangR22.path("nationalCitation").asText()).contains("国务院令第809号");
  }

  @Test
  void unknownProfileInComplianceQueryIs400NamingTheParameter() {
    ApiClient.Response response = ApiClient.as(port, "supervisor").get("/api/policy/compliance?profile=atlantis");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).isEqualTo("profile");
  }
}
