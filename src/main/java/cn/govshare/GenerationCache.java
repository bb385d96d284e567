package cn.govshare;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A short-lived cache whose entries are also dropped when their source changes: {@code generation} counts
 * the source's writes on this node (moved when a write is made and again when it commits). An entry is used
 * only while its generation is current and its time to live has not run out, and a value read while a write
 * was under way is never kept. A TTL of zero turns the cache off. What another node writes shows within the TTL.
 */
public final class GenerationCache<K, V> {

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final LongSupplier generation;
  private final long ttlNanos;

  private record Entry<V>(V value, long generation, long expiresAt) {
  }

  public GenerationCache(Duration ttl, LongSupplier generation) {
    this.ttlNanos = ttl.toNanos();
    this.generation = generation;
  }

  /** The value kept for {@code key}, or null when there is none that is still current. */
  public V get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.generation() != generation.getAsLong() || System.nanoTime() - entry.expiresAt() > 0) {
      entries.remove(key, entry);
      return null;
    }
    return entry.value();
  }

  /** The source's generation now: take it before reading the value to {@link #put}. */
  public long generation() {
    return generation.getAsLong();
  }

  /** Keeps {@code value} unless the source changed since {@code readAt} (then the next call reads again). */
  public void put(K key, V value, long readAt) {
    if (ttlNanos > 0 && value != null && readAt == generation.getAsLong()) {
      entries.put(key, new Entry<>(value, readAt, System.nanoTime() + ttlNanos));
    }
  }
}
