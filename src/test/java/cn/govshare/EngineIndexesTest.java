package cn.govshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Due timers are found by due date, and a task's subtasks through an index, however many deadlines and
 * tasks are open; a start on an existing database keeps the indexes (on H2 here, on MariaDB in .ci/run).
 */
@GovShareTest
class EngineIndexesTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  DataSource dataSource;

  @Autowired
  EngineIndexes plugin;

  @Test
  void indexesExistAndAStartOnAnExistingDatabaseKeepsThem() throws Exception {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJobExecutorAcquireByDueDate())
        .isTrue();
    assertAllExist();
    plugin.postProcessEngineBuild(engine);  // a restart: the indexes exist, nothing fails
    assertAllExist();
  }

  private void assertAllExist() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      for (EngineIndexes.Index index : EngineIndexes.ALL) {
        assertThat(EngineIndexes.exists(connection.getMetaData(), index)).as(index.name()).isTrue();
      }
    }
  }
}
