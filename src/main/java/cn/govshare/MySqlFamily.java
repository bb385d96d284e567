package cn.govshare;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Whether the application's database is MySQL or MariaDB, asked once for the whole application (issue 25): there
 * some statements take a form the embedded H2 lacks (an upsert, an UPDATE joined to the rows it sets). While the
 * database cannot be asked the answer is no, and it is asked again next time; the other form works everywhere.
 */
@Component
public final class MySqlFamily {

  /** The smallest statement that reads {@link JsonRows}: MariaDB 10.6 and MySQL 8.0.4 have {@code JSON_TABLE}. */
  private static final String JSON_TABLE_PROBE =
      "SELECT COUNT(*) FROM JSON_TABLE('[[1]]', '$[*]' COLUMNS (id BIGINT PATH '$[0]')) t";

  private record Answer(boolean mysql, boolean jsonRows) {
  }

  private final DataSource dataSource;
  private volatile Answer known;

  public MySqlFamily(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public boolean test() {
    Answer answer = ask();
    return answer != null && answer.mysql();
  }

  /** MySQL/MariaDB with {@code JSON_TABLE}: a statement may take its rows as one {@link JsonRows} parameter. */
  public boolean readsJsonRows() {
    Answer answer = ask();
    return answer != null && answer.jsonRows();
  }

  private Answer ask() {
    Answer answer = known;
    if (answer == null) {
      try (Connection connection = dataSource.getConnection()) {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        boolean mysql = product.contains("mysql") || product.contains("mariadb");
        answer = new Answer(mysql, mysql && answers(connection, JSON_TABLE_PROBE));
      } catch (SQLException e) {
        return null;
      }
      known = answer;
    }
    return answer;
  }

  /**
   * Whether the database runs a statement of a MySQL-family form, which {@code statement} runs (in a transaction of
   * its own): false when the database refuses it (its grammar, a collation), logged as {@code otherwise}; a lost or
   * busy database is thrown, so the caller asks again later.
   */
  public static boolean runs(Runnable statement, Logger log, String otherwise) {
    try {
      statement.run();
      return true;
    } catch (DataAccessResourceFailureException | TransientDataAccessException away) {
      throw away;
    } catch (DataAccessException refused) {
      log.warn("{}: the database refused the statement ({})", otherwise, refused.getMostSpecificCause().toString());
      return false;
    }
  }

  /** Whether the database runs the statement; false on its refusal (an older server), not on a lost connection. */
  private static boolean answers(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery(sql).close();
      return true;
    } catch (SQLException refused) {
      if (connection.isValid(5)) {
        return false;
      }
      throw refused;
    }
  }
}
