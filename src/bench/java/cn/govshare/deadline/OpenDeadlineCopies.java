package cn.govshare.deadline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark set-up only (issue 25, MariaDB): copies open deadlines in SQL so that 100 000 open ones take seconds
 * instead of minutes through the engine. The templates are real process instances of {@link DeadlineProbe} opened
 * through the engine (business keys starting with {@code templateKey}); each copy {@code n} repeats their runtime
 * rows (execution, task, variables, candidate links, task authorizations, the two timers) and their deadline row,
 * every engine id suffixed with {@code -c<n>} and every deadline id moved by {@code n × 10 000 000} (the timers'
 * handler configuration with it). History rows are not copied: the copies are never completed, they are the
 * open work a burst has to find its due deadlines among (OPEN rows in {@code gs_deadline}, two timers each in
 * {@code ACT_RU_JOB}, a task each in {@code ACT_RU_TASK}).
 */
final class OpenDeadlineCopies {

  /** Columns holding engine ids that a copy gets its own of (those present in each table). */
  private static final Set<String> IDS = Set.of("ID_", "ROOT_PROC_INST_ID_", "PROC_INST_ID_", "PARENT_ID_",
      "ACT_INST_ID_", "EXECUTION_ID_", "PROCESS_INSTANCE_ID_", "TASK_ID_", "VAR_SCOPE_", "PARENT_TASK_ID_",
      "process_instance_id", "execution_id", "task_id");
  private static final long DEADLINE_ID_STEP = 10_000_000L;

  private OpenDeadlineCopies() {
  }

  static void copy(JdbcTemplate jdbc, String templateKey, int copies) {
    String instances = "SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND BUSINESS_KEY_ LIKE '"
        + templateKey + "%'";
    // materialise the template ids once: MariaDB cannot read a table it inserts into in a subquery of the same table
    jdbc.execute("CREATE TEMPORARY TABLE bench_template (id VARCHAR(64) PRIMARY KEY)");
    jdbc.execute("INSERT INTO bench_template " + instances);
    jdbc.execute("CREATE TEMPORARY TABLE bench_template_task (id VARCHAR(64) PRIMARY KEY)");
    jdbc.execute("INSERT INTO bench_template_task SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN "
        + "(SELECT id FROM bench_template)");
    Map<String, String> where = Map.of(
        "ACT_RU_EXECUTION", "PROC_INST_ID_ IN (SELECT id FROM bench_template)",
        "ACT_RU_TASK", "PROC_INST_ID_ IN (SELECT id FROM bench_template)",
        "ACT_RU_VARIABLE", "PROC_INST_ID_ IN (SELECT id FROM bench_template)",
        "ACT_RU_IDENTITYLINK", "TASK_ID_ IN (SELECT id FROM bench_template_task)",
        "ACT_RU_AUTHORIZATION", "RESOURCE_ID_ IN (SELECT id FROM bench_template_task)",
        "ACT_RU_JOB", "PROCESS_INSTANCE_ID_ IN (SELECT id FROM bench_template)",
        "gs_deadline", "process_instance_id IN (SELECT id FROM bench_template)");
    List<String> order = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK",
        "ACT_RU_AUTHORIZATION", "gs_deadline", "ACT_RU_JOB");
    for (int copy = 1; copy <= copies; copy++) {
      int n = copy;
      String suffix = "-c" + n;
      for (String table : order) {
        List<String> columns = jdbc.queryForList("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE "
            + "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", String.class, table);
        String select = columns.stream().map(c -> expression(table, c, suffix, n)).collect(Collectors.joining(", "));
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM "
            + table + " WHERE " + where.get(table));
      }
    }
    jdbc.execute("DROP TEMPORARY TABLE bench_template");
    jdbc.execute("DROP TEMPORARY TABLE bench_template_task");
  }

  private static String expression(String table, String column, String suffix, int n) {
    if (table.equals("gs_deadline") && column.equals("id")) {
      return "id + " + n * DEADLINE_ID_STEP;
    }
    if (table.equals("ACT_RU_JOB") && column.equals("HANDLER_CFG_")) {
      return "CASE WHEN HANDLER_TYPE_ IN ('" + DeadlineJobs.BREACH + "', '" + DeadlineJobs.REMINDER + "') THEN "
          + "CAST(CAST(HANDLER_CFG_ AS UNSIGNED) + " + n * DEADLINE_ID_STEP + " AS CHAR) ELSE HANDLER_CFG_ END";
    }
    if (table.equals("ACT_RU_AUTHORIZATION") && column.equals("RESOURCE_ID_")) {
      return "CONCAT(RESOURCE_ID_, '" + suffix + "')";
    }
    if (column.equals("BUSINESS_KEY_") || column.equals("business_key")) {
      return "CONCAT(" + column + ", '" + suffix + "')";
    }
    if (IDS.contains(column) && !(table.equals("gs_deadline") && column.equals("id"))) {
      return "CASE WHEN " + column + " IS NULL THEN NULL ELSE CONCAT(" + column + ", '" + suffix + "') END";
    }
    return column;
  }
}
