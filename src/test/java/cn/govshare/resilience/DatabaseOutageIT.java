package cn.govshare.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * R30: the database goes away for 30 s behind a proxy. The API answers 503 problem details quickly
 * (never 500, never hanging), and when the database returns everything proceeds: a timer that fell
 * due during the outage fires, and nothing written before the outage is lost.
 */
class DatabaseOutageIT {

  static final Duration OUTAGE = Duration.ofSeconds(30);
  /** A data call of the reviewer's own department (R20), allowed or not: answered only once it is recorded. */
  static final String CHECK = "/api/grants/check?dept=gaj&resource=RK-001&purpose=WORK_REFERENCE";

  @Test
  void apiAnswers503DuringOutageAndRecoversWithNothingLost() throws Exception {
    String url = System.getenv("GOVSHARE_DB_URL");
    assertThat(url).as("GOVSHARE_DB_URL (run by .ci/run)").isNotBlank();
    try (TcpProxy proxy = new TcpProxy("127.0.0.1", 3306)) {
      String proxied = url.replace("127.0.0.1:3306", "127.0.0.1:" + proxy.port());
      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GovShareApplication.class)
          .profiles("demo", "test", "mysql")
          .run("--server.port=0", "--spring.datasource.url=" + proxied,
              "--spring.datasource.hikari.connection-timeout=3000", "--spring.jmx.enabled=false",
              "--camunda.bpm.process-engine-name=outage")) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        ApiClient reviewer = ApiClient.as(port, "gaj-reviewer");
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn-test/timer-probe.bpmn").deploy();
        String instance = engine.getRuntimeService()
            .startProcessInstanceByKey("timerProbe", Map.of("delay", "PT5S")).getId();
        assertThat(reviewer.get("/api/org/departments").status()).isEqualTo(200);

        proxy.cut();
        Instant outageEnds = Instant.now().plus(OUTAGE);
        int calls = 0;
        int unavailable = 0;
        int unavailableChecks = 0;
        while (Instant.now().isBefore(outageEnds)) {
          Instant started = Instant.now();
          // a call that must read the database (the caller itself may come from the caller cache)
          ApiClient.Response response = reviewer.get("/api/share-requests?mine=true");
          calls++;
          assertThat(response.status()).as(response.toString()).isIn(503, 200);
          if (response.status() == 503) {
            unavailable++;
            assertThat(response.json().path("type").asText()).isEqualTo("urn:govshare:problem:unavailable");
          }
          assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(15));
          // a data call: its grants are read and its record written by the data-call writer (issue 25)
          started = Instant.now();
          ApiClient.Response check = reviewer.get(CHECK);
          assertThat(check.status()).as(check.toString()).isIn(503, 200);
          if (check.status() == 503) {
            unavailableChecks++;
            assertThat(check.json().path("type").asText()).isEqualTo("urn:govshare:problem:unavailable");
          }
          assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(15));
          Thread.sleep(1000);
        }
        proxy.restore();
        System.out.printf("database outage: %d calls during %s, %d answered 503, none 5xx otherwise%n", calls,
            OUTAGE, unavailable);
        assertThat(unavailable).as("the outage was seen").isGreaterThan(calls / 2);
        assertThat(unavailableChecks).as("the outage was seen by the data calls").isGreaterThan(calls / 2);

        Instant deadline = Instant.now().plusSeconds(60);
        int status = 0;
        while (Instant.now().isBefore(deadline) && status != 200) {
          status = reviewer.get("/api/org/departments").status();
          Thread.sleep(500);
        }
        assertThat(status).isEqualTo(200);
        ApiClient.Response check = reviewer.get(CHECK);
        while (Instant.now().isBefore(deadline) && check.status() != 200) {
          Thread.sleep(500);
          check = reviewer.get(CHECK);
        }
        assertThat(check.status()).as("data calls are checked again after the outage: " + check).isEqualTo(200);
        while (Instant.now().isBefore(deadline) && engine.getTaskService().createTaskQuery()
            .processInstanceId(instance).count() == 0) {
          Thread.sleep(500);
        }
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("afterTimer")
            .count()).as("the timer due during the outage fired after it").isEqualTo(1);
      }
    }
  }
}
