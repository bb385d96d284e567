package cn.govshare.statistics;

import static cn.govshare.EngineTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.HealthCheck;
import cn.govshare.sharing.Grants;
import cn.govshare.sharing.Purpose;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R27 beyond handling: data calls per resource, department and month; availability; who sees what. */
@GovShareTest
class DataStatisticsApiTest {

  @LocalServerPort
  int port;

  @Autowired
  Grants grants;

  @Autowired
  StatisticsMapper mapper;

  @Autowired
  AvailabilityStatistics availability;

  @Autowired
  Clock clock;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  @Test
  void callsAreCountedPerMonthResourceAndDepartmentWithOutOfScopeRefusals() {
    // July 2024 is used by this test only
    at("2024-07-15T10:00:00+08:00");
    grants.issue("mzj", "FR-001", List.of(), Purpose.WORK_REFERENCE, null, Grants.SOURCE_REQUEST, "STAT-TEST");
    ApiClient mzj = as("mzj-applicant");
    assertThat(mzj.get("/api/grants/check?dept=mzj&resource=FR-001&purpose=WORK_REFERENCE").json()
        .path("allowed").asBoolean()).isTrue();
    mzj.get("/api/grants/check?dept=mzj&resource=FR-001&purpose=WORK_REFERENCE");
    ApiClient.Response outOfScope = mzj.get("/api/grants/check?dept=mzj&resource=FR-001&purpose=ADMINISTRATIVE_BASIS");
    assertThat(outOfScope.status()).as(outOfScope.toString()).isEqualTo(200);
    assertThat(outOfScope.json().path("allowed").asBoolean()).isFalse();
    at("2024-07-31T23:30:00+08:00");
    mzj.get("/api/grants/check?dept=mzj&resource=RK-002&purpose=WORK_REFERENCE");

    JsonNode rows = as("supervisor").get("/api/statistics/data-calls?from=2024-07&to=2024-07").json().path("rows");
    assertThat(rows).as(rows.toString()).hasSize(2);
    JsonNode legalEntity = row(rows, "FR-001");
    assertThat(legalEntity.path("month").asText()).isEqualTo("2024-07");
    assertThat(legalEntity.path("userDept").asText()).isEqualTo("mzj");
    assertThat(legalEntity.path("providerDept").asText()).isEqualTo("scjgj");
    assertThat(legalEntity.path("served").asLong()).isEqualTo(2);
    assertThat(legalEntity.path("refusedOutOfScope").asLong()).as(rows.toString()).isEqualTo(1);
    assertThat(legalEntity.path("total").asLong()).isEqualTo(3);
    assertThat(row(rows, "RK-002").path("refusedNoGrant").asLong()).isEqualTo(1);

    // the provider sees the calls to its resources, not the user's calls elsewhere
    JsonNode provider = as("scjgj-reviewer").get("/api/statistics/data-calls?from=2024-07&to=2024-07").json();
    assertThat(provider.path("rows").findValuesAsText("resourceCode")).containsExactly("FR-001");
    assertThat(as("office").get("/api/statistics/data-calls?from=2024-07-01&to=2024-07-31&resource=RK-002").json()
        .path("rows").findValuesAsText("userDept")).containsExactly("mzj");
    assertThat(as("supervisor").get("/api/statistics/data-calls?from=2024-07&to=2024-07&provider=scjgj").json()
        .path("rows")).hasSize(1);
  }

  @Test
  void aDepartmentIsRefusedOtherDepartmentsFiguresAndOutsidersEverything() {
    assertThat(as("mzj-applicant").get("/api/statistics/data-calls?dept=gaj").status()).isEqualTo(403);
    assertThat(as("mzj-applicant").get("/api/statistics/data-calls?dept=mzj").status()).isEqualTo(200);
    assertThat(as("leader").get("/api/statistics/data-calls").status()).isEqualTo(403);
    assertThat(as("admin").get("/api/statistics/availability").status()).isEqualTo(403);
    assertThat(as("mzj-applicant").get("/api/statistics/availability?resource=RK-001").status()).isEqualTo(403);
    assertThat(as("gaj-reviewer").get("/api/statistics/availability?resource=RK-001").status()).isEqualTo(200);
    assertThat(ApiClient.anonymous(port).get("/api/statistics/data-calls").status()).isEqualTo(401);
  }

  @Test
  void badParametersAreNamedInTheProblem() {
    ApiClient supervisor = as("supervisor");
    assertThat(field(supervisor.get("/api/statistics/data-calls?from=2025-13-01"))).isEqualTo("from");
    assertThat(field(supervisor.get("/api/statistics/data-calls?from=2025-10&to=2025-09"))).isEqualTo("to");
    assertThat(field(supervisor.get("/api/statistics/availability?to=yesterday"))).isEqualTo("to");
    assertThat(field(supervisor.get("/api/statistics/availability?resource=NO-SUCH"))).isEqualTo("resource");
    assertThat(field(supervisor.get("/api/statistics/availability?from=2000-01&to=2025-01"))).isEqualTo("from");
  }

  @Test
  void onlyTheProviderReportsAnOutageAndItCountsAsDown() {
    String body = "2023-05-08T09:00:00+08:00";
    Map<String, Object> outage = Map.of("resource", "RK-001", "from", body, "to", "2023-05-08T11:00:00+08:00",
        "reason", "数据库升级");
    assertThat(as("scjgj-reviewer").post("/api/statistics/outages", outage).status()).isEqualTo(403);
    assertThat(field(as("gaj-reviewer").post("/api/statistics/outages",
        Map.of("resource", "RK-001", "from", body, "to", body, "reason", "x")))).isEqualTo("to");
    assertThat(field(as("gaj-reviewer").post("/api/statistics/outages",
        Map.of("resource", "RK-001", "from", "morning", "to", body, "reason", "x")))).isEqualTo("from");
    assertThat(field(as("gaj-reviewer").post("/api/statistics/outages",
        Map.of("resource", "RK-001", "from", body, "to", "2023-05-08T11:00:00+08:00", "reason", " "))))
        .isEqualTo("reason");
    ApiClient.Response created = as("gaj-reviewer").post("/api/statistics/outages", outage);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    JsonNode row = as("gaj-head").get("/api/statistics/availability?from=2023-05-08&to=2023-05-08&resource=RK-001")
        .json().path("rows").get(0);
    assertThat(row.path("observedSeconds").asLong()).isEqualTo(2 * 3600);
    assertThat(row.path("upSeconds").asLong()).isZero();
    assertThat(row.path("availability").asDouble()).isZero();
    assertThat(row.path("outages").get(0).path("reason").asText()).isEqualTo("数据库升级");
  }

  @Test
  void theProbeRecordsAServiceThatGoesDownAndComesBack() throws IOException {
    AtomicInteger status = new AtomicInteger(200);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
      CatalogService catalog = mock(CatalogService.class);
      when(catalog.healthChecks()).thenReturn(List.of(new HealthCheck("PROBE-1", "gaj", url)));
      HealthProbe probe = new HealthProbe(catalog, mapper, clock, Duration.ofSeconds(2));

      // probes at 10:00 (up), 10:05 (down), 10:10 (up), 10:15 (refused: server gone); interval 5 min
      at("2022-06-01T10:00:00+08:00");
      probe.probeAll();
      status.set(503);
      at("2022-06-01T10:05:00+08:00");
      probe.probeAll();
      status.set(204);
      at("2022-06-01T10:10:00+08:00");
      probe.probeAll();
      server.stop(0);
      at("2022-06-01T10:15:00+08:00");
      probe.probeAll();
    } finally {
      server.stop(0);
    }
    List<Probe> probes = mapper.findProbes("PROBE-1", OffsetDateTime.parse("2022-06-01T00:00:00+08:00").toInstant(),
        OffsetDateTime.parse("2022-06-02T00:00:00+08:00").toInstant());
    assertThat(probes).extracting(Probe::up).containsExactly(true, false, true, false);
    assertThat(probes.get(1).detail()).isEqualTo("HTTP 503");

    at("2022-06-01T12:00:00+08:00");
    AvailabilityStatistics.Row row = availability.rows(
        new StatisticsWindow(LocalDate.parse("2022-06-01"), LocalDate.parse("2022-06-01")), null, "PROBE-1").get(0);
    // test profile: probe interval 24 h, so each probe speaks until the next; the last one until 12:00 (now)
    // up 10:00-10:05 and 10:10-10:15 = 10 min; observed 10:00-12:00 = 120 min
    assertThat(row.upSeconds()).isEqualTo(600);
    assertThat(row.observedSeconds()).isEqualTo(7200);
    assertThat(row.providerDept()).isEqualTo("gaj");
  }

  private static JsonNode row(JsonNode rows, String resource) {
    for (JsonNode row : rows) {
      if (row.path("resourceCode").asText().equals(resource)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + resource + " in " + rows);
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().path("field").asText();
  }
}
