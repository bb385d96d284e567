package cn.govshare;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  private final DataSource dataSource;
  private volatile Boolean known;
  /** {@link #supports}' answers by statement. */
  private final Map<String, Boolean> statements = new ConcurrentHashMap<>();

  public MySqlFamily(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public boolean test() {
    Boolean answer = known;
    if (answer == null) {
      try (Connection connection = dataSource.getConnection()) {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        answer = product.contains("mysql") || product.contains("mariadb");
      } catch (SQLException e) {
        return false;
      }
      known = answer;
    }
    return answer;
  }

  /**
   * Whether the database runs a statement of a MySQL-family form (JSON_TABLE: MariaDB 10.6, MySQL 8.0.4), which
   * {@code statement} runs in a transaction of its own: false when the database refuses it (its grammar, a
   * collation), logged as {@code otherwise}; a lost or busy database is thrown, so the caller asks again later.
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

  /**
   * Whether this database runs the MySQL-family statement {@code name} (a JSON_TABLE form), asked once by running it
   * with no rows ({@code noRows}) where it is needed, inside the caller's transaction: on MySQL and MariaDB a refused
   * statement leaves the transaction as it was, and with no rows it writes nothing. Not MySQL or MariaDB: no, without
   * asking. Refused: no, logged as {@code otherwise}, and the caller takes its portable form from then on.
   */
  public boolean supports(String name, Runnable noRows, Logger log, String otherwise) {
    Boolean answer = statements.get(name);
    if (answer == null) {
      answer = test() && runs(noRows, log, otherwise);
      statements.put(name, answer);
    }
    return answer;
  }
}
