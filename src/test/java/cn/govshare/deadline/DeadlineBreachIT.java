package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareApplication;
import cn.govshare.notification.Notification;
import cn.govshare.notification.Notifications;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two GovShare nodes on one database (MariaDB in .ci/run), both job executors running: a burst of
 * deadlines breaching at the same moment raises each breach exactly once (SPEC §7).
 */
class DeadlineBreachIT {

  private static final int BURST = 60;
  private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();

  @BeforeAll
  static void startTwoNodes() {
    String profiles = System.getProperty("govshare.test.profiles", "demo,test");
    for (String node : List.of("node-a", "node-b")) {
      NODES.add(new SpringApplicationBuilder(GovShareApplication.class)
          .profiles(profiles.split(","))
          // command-line arguments: they outrank application.yml (server.port: ${PORT:8080})
          .run("--server.port=0", "--camunda.bpm.process-engine-name=" + node.replace("-", ""),
              "--camunda.bpm.generic-properties.properties.hostname=" + node, "--camunda.bpm.webapp.enabled=false",
              "--spring.application.name=govshare-" + node));
    }
  }

  @AfterAll
  static void stopNodes() {
    NODES.forEach(ConfigurableApplicationContext::close);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void burstOfDeadlinesBreachingAtOnceOnTwoNodesRaisesEachBreachExactlyOnce() {
    ProcessEngine engineA = NODES.get(0).getBean(ProcessEngine.class);
    DeadlineProbe.deploy(engineA.getRepositoryService());
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-09-26T10:00:00+08:00").toInstant()));
    String batch = "burst-" + UUID.randomUUID();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      ProcessEngine engine = NODES.get(i % 2).getBean(ProcessEngine.class);
      instances.add(engine.getRuntimeService()
          .startProcessInstanceByKey(DeadlineProbe.KEY, batch + "-" + i, Map.of("group", "gaj")).getId());
    }

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-10-17T00:01:00+08:00").toInstant()));
    DeadlineMapper mapper = NODES.get(1).getBean(DeadlineMapper.class);
    DeadlineAcceptanceTest.await(() -> instances.stream()
        .allMatch(id -> "BREACHED".equals(mapper.findByProcessInstance(id).get(0).state())), Duration.ofSeconds(90));
    DeadlineAcceptanceTest.sleep(Duration.ofSeconds(3));

    for (String instance : instances) {
      assertThat(engineA.getRuntimeService().createIncidentQuery().processInstanceId(instance)
          .incidentType(DeadlineLedger.INCIDENT_TYPE).count()).as(instance).isEqualTo(1);
    }
    Set<String> ids = instances.stream().map(id -> String.valueOf(mapper.findByProcessInstance(id).get(0).id()))
        .collect(Collectors.toSet());
    Notifications notifications = NODES.get(0).getBean(Notifications.class);
    List<String> reports = new ArrayList<>();
    for (String id : ids) {
      notifications.about(DeadlineLedger.REF_TYPE, id).stream()
          .filter(n -> DeadlineBreached.REPORT_CATEGORY.equals(n.category())).map(Notification::refId)
          .forEach(reports::add);
    }
    assertThat(reports).hasSize(BURST).doesNotHaveDuplicates();

    HistoryService history = engineA.getHistoryService();
    Map<String, Long> byNode = history.createHistoricJobLogQuery().successLog().list().stream()
        .filter(log -> DeadlineJobs.BREACH.equals(log.getJobDefinitionType()) || instances.contains(log.getProcessInstanceId()))
        .collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting()));
    System.out.println("deadline jobs executed per node: " + byNode);
  }
}
