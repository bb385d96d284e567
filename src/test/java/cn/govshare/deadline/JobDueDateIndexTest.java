package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job executor finds due timers by due date, through an index, however many deadlines are open. */
@GovShareTest
class JobDueDateIndexTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  DataSource dataSource;

  @Autowired
  JobDueDateIndex plugin;

  @Test
  void acquisitionByDueDateHasItsIndexAndAStartOnAnExistingDatabaseKeepsIt() throws Exception {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJobExecutorAcquireByDueDate())
        .isTrue();
    assertThat(indexesOnJobTable()).contains(JobDueDateIndex.INDEX);
    plugin.postProcessEngineBuild(engine);  // a restart: the index exists, nothing fails
    assertThat(indexesOnJobTable()).contains(JobDueDateIndex.INDEX);
  }

  private List<String> indexesOnJobTable() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
        try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
          while (rows.next()) {
            if (rows.getString("INDEX_NAME") != null) {
              names.add(rows.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return names;
  }
}
