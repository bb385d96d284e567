package cn.govshare;

import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;

/**
 * A mapper on sessions other than the application's (the data-call writers' own connections, issue 25), through
 * MyBatis' batch executor: the mapper and its XML are registered on those sessions the first time.
 */
public final class BatchMappers {

  private BatchMappers() {
  }

  public static <T> T on(SqlSessionFactory sessions, Class<T> type) {
    Configuration configuration = sessions.getConfiguration();
    synchronized (configuration) {
      if (!configuration.hasMapper(type)) {
        configuration.addMapper(type);
      }
    }
    return new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(type);
  }
}
