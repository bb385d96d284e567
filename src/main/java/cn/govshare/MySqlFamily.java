package cn.govshare;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
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
}
