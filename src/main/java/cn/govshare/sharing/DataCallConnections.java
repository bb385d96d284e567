package cn.govshare.sharing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.mybatis.spring.transaction.SpringManagedTransactionFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data-call writers' own connections (issue 25): a small pool set up as the application's, one connection a
 * writer, with autocommit off from the start. On the application's pool Spring's transaction manager turns
 * autocommit off when a transaction begins and on again after it, two round trips ({@code SET autocommit=0},
 * {@code =1}) that were two of the five a group commit of a few calls cost; on these it is off already and stays
 * off, so a batch is its insert, its upsert and its commit. The writers' usual batches go through them (MyBatis'
 * batch executor on their own sessions); a batch holding a refusal, whose listeners write through the application's
 * mappers, still takes the application's pool. MySQL/MariaDB only: there a round trip is what a grant check costs
 * most; on the embedded H2 it is a method call and the writers use the application's pool.
 */
final class DataCallConnections implements AutoCloseable {

  private final HikariDataSource pool;
  private final SqlSessionFactory sessions;
  private final TransactionTemplate transaction;

  private DataCallConnections(HikariDataSource pool, Configuration application) {
    this.pool = pool;
    Configuration configuration = new Configuration(
        new Environment("data-call-writers", new SpringManagedTransactionFactory(), pool));
    // the application's settings (application.yml's mybatis.configuration), not a copy that could drift from them
    configuration.setMapUnderscoreToCamelCase(application.isMapUnderscoreToCamelCase());
    configuration.setDefaultStatementTimeout(application.getDefaultStatementTimeout());
    configuration.setDatabaseId(application.getDatabaseId());  // a mapper's _databaseId (DatabaseIds) as everywhere
    this.sessions = new SqlSessionFactoryBuilder().build(configuration);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
  }

  /**
   * Connections like the application pool's ones (same URL, user, driver settings, isolation), for the writers, with
   * MyBatis sessions set up as the application's ({@code mybatis.configuration}).
   */
  static DataCallConnections like(HikariDataSource application, Configuration mybatis, int writers) {
    HikariConfig config = new HikariConfig();
    application.copyStateTo(config);
    config.setPoolName("data-call-writers");
    config.setAutoCommit(false);
    config.setMaximumPoolSize(writers);
    config.setMinimumIdle(writers);
    // a database away at start: the pool connects when it is back, as the application's does
    config.setInitializationFailTimeout(-1);
    return new DataCallConnections(new HikariDataSource(config), mybatis);
  }

  SqlSessionFactory sessions() {
    return sessions;
  }

  TransactionTemplate transaction() {
    return transaction;
  }

  @Override
  public void close() {
    pool.close();
  }
}
