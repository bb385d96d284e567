package cn.govshare.deadline;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every open deadline keeps two timers in {@code ACT_RU_JOB}, so with tens of thousands of open
 * deadlines the job executor's acquisition query must find the few due jobs among many: the engine
 * acquires by due date ({@code job-executor-acquire-by-due-date}) and this plugin adds the index on
 * {@code DUEDATE_} that Camunda's tuning guide recommends with it (Camunda's schema has none). Created
 * once, after the engine has created its tables; Flyway cannot, as it runs before the engine.
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

  static final String INDEX = "GS_IDX_JOB_DUEDATE";
  private static final Logger LOG = LoggerFactory.getLogger(JobDueDateIndex.class);

  private final DataSource dataSource;

  JobDueDateIndex(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection connection = dataSource.getConnection()) {
      if (exists(connection.getMetaData())) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE INDEX " + INDEX + " ON ACT_RU_JOB (DUEDATE_)");
      } catch (SQLException e) {
        if (exists(connection.getMetaData())) {
          return;  // another node starting at the same moment created it
        }
        throw e;
      }
      LOG.info("created index {} on ACT_RU_JOB (DUEDATE_) for job acquisition by due date", INDEX);
    } catch (SQLException e) {
      throw new ProcessEngineException("cannot create index " + INDEX + " on ACT_RU_JOB: " + e.getMessage(), e);
    }
  }

  private static boolean exists(DatabaseMetaData metadata) throws SQLException {
    // H2 reports table names in upper case, MySQL/MariaDB as created; look for both
    for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
      try (ResultSet indexes = metadata.getIndexInfo(null, null, table, false, false)) {
        while (indexes.next()) {
          String name = indexes.getString("INDEX_NAME");
          if (name != null && INDEX.equals(name.toUpperCase(Locale.ROOT))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
