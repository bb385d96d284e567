package cn.govshare.web;

import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Tells a lost database from a bug, so the API can answer 503 instead of 500 (R30). */
final class DatabaseFailures {

  private DatabaseFailures() {
  }

  static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t.getClass().getName().endsWith("CommunicationsException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
