package cn.govshare;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GovShare starts on a database where Camunda created its tables first (an engine started before
 * GovShare's schema existed): Flyway baselines and adds GovShare's tables beside Camunda's.
 */
class StartOrderTest {

  @Test
  void startsWhereCamundaCreatedItsTablesFirst() {
    String url = System.getProperty("govshare.start-order.url", "jdbc:h2:mem:camunda-first;DB_CLOSE_DELAY=-1");
    ProcessEngine camundaOnly = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(url).setJdbcUsername("sa").setJdbcPassword("")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).setHistory("full")
        .setProcessEngineName("camundafirst").setJobExecutorActivate(false).buildProcessEngine();
    camundaOnly.close();

    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GovShareApplication.class)
        .profiles("demo", "test").run("--server.port=0", "--spring.datasource.url=" + url, "--spring.jmx.enabled=false",
            "--camunda.bpm.process-engine-name=startorder", "--camunda.bpm.job-execution.enabled=false")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT name FROM gs_department WHERE code = 'gaj'", String.class))
          .isEqualTo("市公安局");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = 'gaj-reviewer'", Integer.class))
          .isEqualTo(1);
    }
  }
}
