package cn.govshare.audit;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * An {@link Instant} bound as itself ({@code setObject}) rather than as a {@code java.sql.Timestamp}, for the
 * data-call writer's batched insert on MySQL/MariaDB only (issue 25). Connector/J writes both in the connection's
 * time zone, the same text; for a {@code Timestamp} it builds a {@code SimpleDateFormat} each time it measures or
 * writes the value, twice per row of a rewritten batch, which was a third of the writer's CPU in the profile.
 * The record's own HMAC covers the instant, so a stored value that differed would be refused by the sealer.
 */
public class InstantAsObject extends BaseTypeHandler<Instant> {

  @Override
  public void setNonNullParameter(PreparedStatement statement, int index, Instant value, JdbcType type)
      throws SQLException {
    statement.setObject(index, value);
  }

  @Override
  public Instant getNullableResult(ResultSet result, String column) throws SQLException {
    return result.getObject(column, Instant.class);
  }

  @Override
  public Instant getNullableResult(ResultSet result, int column) throws SQLException {
    return result.getObject(column, Instant.class);
  }

  @Override
  public Instant getNullableResult(CallableStatement call, int column) throws SQLException {
    return call.getObject(column, Instant.class);
  }
}
