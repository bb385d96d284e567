package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: the data-call writers' own connections are set up as the application's pool and MyBatis sessions are
 * (an operator's statement timeout reaches them too), with autocommit off from the start.
 */
class DataCallConnectionsTest {

  @Test
  void theWritersConnectionsTakeTheApplicationsSettingsWithAutocommitOff() throws Exception {
    try (HikariDataSource application = new HikariDataSource()) {
      application.setJdbcUrl("jdbc:h2:mem:data-call-connections;DB_CLOSE_DELAY=-1");
      application.setMaximumPoolSize(7);
      Configuration mybatis = new Configuration();
      mybatis.setMapUnderscoreToCamelCase(true);
      mybatis.setDefaultStatementTimeout(42);
      try (DataCallConnections writers = DataCallConnections.like(application, mybatis, 2)) {
        Configuration theirs = writers.sessions().getConfiguration();
        assertThat(theirs.isMapUnderscoreToCamelCase()).isTrue();
        assertThat(theirs.getDefaultStatementTimeout()).isEqualTo(42);
        HikariDataSource pool = (HikariDataSource) theirs.getEnvironment().getDataSource();
        assertThat(pool.getJdbcUrl()).isEqualTo(application.getJdbcUrl());
        assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
        try (Connection connection = pool.getConnection()) {
          assertThat(connection.getAutoCommit()).isFalse();
        }
      }
    }
  }
}
