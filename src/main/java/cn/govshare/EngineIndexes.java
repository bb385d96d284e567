package cn.govshare;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's schema lacks for what GovShare does at scale (docs/performance.md), created once,
 * after the engine has created its tables (Flyway cannot: it runs before the engine):
 * <ul>
 * <li>{@code ACT_RU_JOB (DUEDATE_)}: every open deadline keeps two timers, and the job executor
 * acquires due jobs by due date ({@code job-executor-acquire-by-due-date}), as Camunda's tuning guide
 * recommends together with this index;
 * <li>{@code ACT_RU_TASK (PARENT_TASK_ID_)}: completing or deleting any task looks for its subtasks,
 * which without the index reads every open task (50 ms at 10 000 open tasks on MariaDB);
 * <li>on H2 only, {@code ACT_RU_JOB (HANDLER_CFG_)}: a breach batch looks up its deadlines' breach timers by
 * handler type and {@code HANDLER_CFG_ IN (…)} ({@code DeadlineJobsMapper.unheldTimers}). H2 uses an {@code IN}
 * list only on an index's first column, so with Camunda's {@code (HANDLER_TYPE_, HANDLER_CFG_)} it read every
 * breach timer for each batch of 50 (31 ms of CPU a breach at 100 000 open); MySQL and MariaDB read the composite
 * index's ranges and need no second one.
 * </ul>
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  /** {@code onlyOn}: the JDBC product name of the one database that needs it, or null for every database. */
  record Index(String name, String table, String column, String onlyOn) {

    boolean appliesTo(String databaseProduct) {
      return onlyOn == null || onlyOn.equalsIgnoreCase(databaseProduct);
    }
  }

  static final Index JOB_DUE_DATE = new Index("GS_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_", null);
  static final Index TASK_PARENT = new Index("GS_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_", null);
  static final Index JOB_HANDLER_CFG = new Index("GS_IDX_JOB_HANDLER_CFG", "ACT_RU_JOB", "HANDLER_CFG_", "H2");
  static final List<Index> ALL = List.of(JOB_DUE_DATE, TASK_PARENT, JOB_HANDLER_CFG);
  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  private final DataSource dataSource;

  EngineIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      for (Index index : ALL) {
        if (index.appliesTo(product)) {
          create(connection, index);
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("cannot create GovShare's indexes on Camunda's tables: " + e.getMessage(), e);
    }
  }

  private static void create(Connection connection, Index index) throws SQLException {
    if (exists(connection.getMetaData(), index)) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " (" + index.column() + ")");
    } catch (SQLException e) {
      if (exists(connection.getMetaData(), index)) {
        return;  // another node starting at the same moment created it
      }
      throw e;
    }
    LOG.info("created index {} on {} ({})", index.name(), index.table(), index.column());
  }

  static boolean exists(DatabaseMetaData metadata, Index index) throws SQLException {
    // H2 reports table names in upper case, MySQL/MariaDB as created; look for both
    for (String table : new String[] {index.table(), index.table().toLowerCase(Locale.ROOT)}) {
      try (ResultSet indexes = metadata.getIndexInfo(null, null, table, false, false)) {
        while (indexes.next()) {
          String name = indexes.getString("INDEX_NAME");
          if (name != null && index.name().equals(name.toUpperCase(Locale.ROOT))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
