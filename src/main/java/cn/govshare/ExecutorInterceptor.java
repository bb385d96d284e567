package cn.govshare;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Plugin;

/**
 * A MyBatis interceptor whose {@code @Signature}s are all on {@link Executor}: it wraps executors only. MyBatis'
 * default wraps every statement's handlers as well, reading the interceptor's signatures by reflection each time
 * (per statement, and per session outside a transaction: issue 25's profile of the grant check).
 */
public interface ExecutorInterceptor extends Interceptor {

  @Override
  default Object plugin(Object target) {
    return target instanceof Executor ? Plugin.wrap(target, this) : target;
  }
}
