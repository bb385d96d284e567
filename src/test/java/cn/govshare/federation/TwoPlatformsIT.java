package cn.govshare.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govshare.ApiClient;
import cn.govshare.federation.api.FederationPaths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fixture itself: a city and a province, each with its own organisation and profile, and a link between
 * them that the test cuts and restores (the province outage of R24's proof).
 */
class TwoPlatformsIT {

  static TwoPlatforms platforms;

  @BeforeAll
  static void start() throws Exception {
    platforms = TwoPlatforms.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (platforms != null) {
      platforms.close();
    }
  }

  @Test
  void eachPlatformHasItsOwnOrganisationAndProfile() {
    assertThat(platforms.city("supervisor").get("/api/policy").json().toString()).contains("南昌");
    assertThat(platforms.province(TwoPlatforms.PROVINCE_SUPERVISOR).get("/api/policy").json().toString())
        .contains("湖北");
    // the city's users are not the province's
    assertThat(platforms.province("rsj-applicant").get("/api/me").status()).isEqualTo(401);
    assertThat(platforms.city(TwoPlatforms.PROVINCE_OPERATOR).get("/api/me").status()).isEqualTo(401);
    assertThat(platforms.province(TwoPlatforms.PROVINCE_SUPERVISOR).get("/api/catalog/resources/SJ-001").status())
        .isEqualTo(200);
  }

  @Test
  void theLinkToTheProvinceCanBeCutSlowedAndRestored() {
    ApiClient throughLink = ApiClient.as(platforms.linkPort(), TwoPlatforms.PEER);
    assertThat(throughLink.get(FederationPaths.CATALOG).status()).isEqualTo(200);
    platforms.provinceDown();
    assertThatThrownBy(() -> throughLink.get(FederationPaths.CATALOG)).isInstanceOf(IllegalStateException.class);
    // the province itself is up: only the city's way to it is cut
    assertThat(platforms.peer().get(FederationPaths.CATALOG).status()).isEqualTo(200);
    platforms.provinceUp();
    assertThat(throughLink.get(FederationPaths.CATALOG).status()).isEqualTo(200);
    platforms.provinceSlow(Duration.ofMillis(300));
    long started = System.nanoTime();
    assertThat(throughLink.get(FederationPaths.CATALOG).status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    platforms.provinceUp();
  }

  @Test
  void theProvinceStopsAndComesBackWithItsData() throws Exception {
    String key = UUID.randomUUID().toString();
    ApiClient forwarding = platforms.peer().withHeader(FederationPaths.IDEMPOTENCY_KEY, key);
    Map<String, Object> body = FederationUpperIT.application("SJ-001", false,
        List.of(FederationUpperIT.dept("mzj", "市民政局")));
    long id = forwarding.post(FederationPaths.APPLICATIONS, body).json().path("id").asLong();
    platforms.stopProvince();
    assertThatThrownBy(() -> platforms.peer().get(FederationPaths.CATALOG)).isInstanceOf(IllegalStateException.class);
    platforms.startProvince();
    // the forwarding made before the stop is still there, once
    ApiClient.Response again = forwarding.post(FederationPaths.APPLICATIONS, body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("id").asLong()).isEqualTo(id);
  }
}
