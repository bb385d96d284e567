package cn.govshare.catalog;

import cn.govshare.ExecutorInterceptor;
import cn.govshare.GenerationCache;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Current catalogue entries by code, for the hot readers: every share request and every grant check
 * reads its resource (three queries). Any write through {@code CatalogMapper} on this node, by whichever
 * feature (edit, review, publish, effective date, retire), drops the whole cache when it is made and again
 * when it commits, so this node never serves an entry older than its own last write; another node's write
 * shows here within {@code govshare.catalog.cache-ttl} (default 10 s, 0 turns the cache off).
 */
@Component
@Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
public class CatalogCache implements ExecutorInterceptor {

  private static final String WRITER = CatalogMapper.class.getName() + ".";

  private final AtomicLong generation = new AtomicLong();
  private final GenerationCache<String, CatalogResource> entries;

  CatalogCache(@Value("${govshare.catalog.cache-ttl:PT10S}") Duration ttl) {
    this.entries = new GenerationCache<>(ttl, generation::get);
  }

  /** The cached entry, or what {@code load} reads (null when there is none; not-found is not cached). */
  CatalogResource get(String code, Function<String, CatalogResource> load) {
    CatalogResource cached = entries.get(code);
    if (cached != null) {
      return cached;
    }
    long readAt = entries.generation();
    CatalogResource resource = load.apply(code);
    entries.put(code, resource, readAt);
    return resource;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
    if (statement.getId().startsWith(WRITER)) {
      changed();
      if (TransactionSynchronizationManager.isSynchronizationActive()) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            changed();
          }
        });
      }
    }
    return invocation.proceed();
  }

  private void changed() {
    generation.incrementAndGet();
  }
}
