package db.migration;

import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops {@code gs_deadline_state_due}, superseded by {@code gs_deadline_state_due_id} (V9): while both
 * exist, H2 picks the shorter one and sorts every open deadline for each page (docs/performance.md).
 * Java because H2 ({@code DROP INDEX name}) and MySQL/MariaDB ({@code DROP INDEX name ON table}) share
 * no syntax for it.
 */
public class V10__drop_superseded_deadline_index extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String sql = product.contains("h2") ? "DROP INDEX gs_deadline_state_due"
        : "DROP INDEX gs_deadline_state_due ON gs_deadline";
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(sql);
    }
  }
}
