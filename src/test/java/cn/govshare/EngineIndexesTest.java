package cn.govshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Due timers are found by due date, and a task's subtasks through an index, however many deadlines and
 * tasks are open; a start on an existing database keeps the indexes (on H2 here, on MariaDB in .ci/run).
 * A breach batch finds its deadlines' breach timers through an index on the embedded H2 as well.
 */
@GovShareTest
class EngineIndexesTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  DataSource dataSource;

  @Autowired
  EngineIndexes plugin;

  @Autowired
  SqlSessionFactory sessions;

  @Test
  void indexesExistAndAStartOnAnExistingDatabaseKeepsThem() throws Exception {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJobExecutorAcquireByDueDate())
        .isTrue();
    assertAllExist();
    plugin.postProcessEngineBuild(engine);  // a restart: the indexes exist, nothing fails
    assertAllExist();
  }

  @Test
  void aBreachBatchLooksUpItsTimersThroughAnIndexNotByReadingEveryTimer() throws Exception {
    // the statement the batch runs (DeadlineJobsMapper.unheldTimers), as MyBatis binds it for three deadlines
    BoundSql sql = sessions.getConfiguration()
        .getMappedStatement("cn.govshare.deadline.DeadlineJobsMapper.unheldTimers")
        .getBoundSql(Map.of("breach", "deadlineBreach", "configurations", List.of("1", "2", "3")));
    try (Connection connection = dataSource.getConnection()) {
      assumeTrue("H2".equals(connection.getMetaData().getDatabaseProductName()), "the index is H2's alone");
      try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql.getSql())) {
        explain.setString(1, "deadlineBreach");
        for (int i = 0; i < 3; i++) {
          explain.setString(i + 2, String.valueOf(i + 1));
        }
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = explain.executeQuery()) {
          while (rows.next()) {
            for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
              plan.append(rows.getString(c)).append(' ');
            }
          }
        }
        // with Camunda's (HANDLER_TYPE_, HANDLER_CFG_) alone, H2's plan is "HANDLER_TYPE_ = ?1": every breach timer
        // read for each batch (MariaDB reads the composite index's ranges; its plan on a few rows is its own choice)
        assertThat(plan.toString()).contains("GS_IDX_JOB_HANDLER_CFG").contains("HANDLER_CFG_ IN(");
      }
    }
  }

  private void assertAllExist() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      for (EngineIndexes.Index index : EngineIndexes.ALL) {
        // one that only another database needs is not created here
        assertThat(EngineIndexes.exists(connection.getMetaData(), index)).as(index.name())
            .isEqualTo(index.appliesTo(product));
      }
    }
  }
}
