package cn.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govshare.GovShareTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R26 and national art. 29: process history is kept at least three years (1096 days) and cleaned only at night;
 * GovShare never deletes audit rows.
 */
@GovShareTest
class RetentionTest {

  private static final Pattern TTL = Pattern.compile("camunda:historyTimeToLive=\"P(\\d+)D\"");

  @Autowired
  ProcessEngine engine;

  @Test
  void everyShippedProcessKeepsItsHistoryAtLeastThreeYearsAndTheDeployedOnesAgree() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      List<Path> models = files.filter(p -> p.toString().endsWith(".bpmn")).toList();
      assertThat(models).isNotEmpty();
      for (Path model : models) {
        Matcher ttl = TTL.matcher(Files.readString(model));
        assertThat(ttl.find()).as(model + " declares historyTimeToLive in days").isTrue();
        assertThat(Integer.parseInt(ttl.group(1))).as(model.toString()).isGreaterThanOrEqualTo(1096);
      }
    }
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion()
        .list()) {
      assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull().isGreaterThanOrEqualTo(1096);
    }
  }

  @Test
  void aModelThatWouldForgetSoonerIsRefusedAtDeployment() {
    // 180 days was enough before national art. 29; now it is refused, naming the three years and the article
    var model = Bpmn.createExecutableProcess("short-memory").camundaHistoryTimeToLive(180).startEvent().endEvent().done();
    assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
        .addModelInstance("short-memory.bpmn", model).deploy())
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("1096").hasMessageContaining("第二十九条");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("short-memory")
        .count()).isZero();
  }

  @Test
  void historyCleanupRunsOnlyInTheNightWindowAndRemovesByRemovalTime() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(LocalTime.parse(configuration.getHistoryCleanupBatchWindowStartTime())).isEqualTo(LocalTime.of(1, 0));
    assertThat(LocalTime.parse(configuration.getHistoryCleanupBatchWindowEndTime())).isEqualTo(LocalTime.of(5, 0));
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
  }

  @Test
  void noMapperDeletesAuditRecords() throws IOException {
    try (Stream<Path> mappers = Files.walk(Path.of("src/main/resources/cn/govshare"))) {
      for (Path mapper : mappers.filter(p -> p.toString().endsWith("Mapper.xml")).toList()) {
        String xml = Files.readString(mapper).toLowerCase();
        assertThat(xml).as(mapper.toString()).doesNotContainPattern("delete\\s+from\\s+gs_audit")
            .doesNotContainPattern("truncate\\s+table\\s+gs_audit");
      }
    }
  }
}
