package cn.govshare;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A short-lived cache whose entries are also dropped when their source changes: {@code generation} counts
 * the source's writes on this node (moved when a write is made and again when it commits). An entry is used
 * only while its generation is current and its time to live has not run out, and a value read while a write
 * was under way is never kept. A TTL of zero turns the cache off. What another node writes shows within the TTL.
 *
 * <p>Read again ahead of time: in the last fifth of an entry's life, the first caller to ask gets null and reads
 * the value again, while every other caller keeps the entry until that read is {@link #put} or the entry runs out.
 * A key asked for all the time is so never missing: without it, every request arriving while the first one reads
 * the expired value again read it too (at 2 000 grant checks a second, every ten seconds, the caller's password
 * check and identity queries some fifty times over: a stall of 10–60 ms, issue 25).
 */
public final class GenerationCache<K, V> {

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final LongSupplier generation;
  private final LongSupplier nanoTime;
  private final long ttlNanos;

  /** {@code refreshing}: a caller has been sent to read the value again. */
  private record Entry<V>(V value, long generation, long refreshAt, long expiresAt, AtomicBoolean refreshing) {
  }

  public GenerationCache(Duration ttl, LongSupplier generation) {
    this(ttl, generation, System::nanoTime);
  }

  GenerationCache(Duration ttl, LongSupplier generation, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.generation = generation;
    this.nanoTime = nanoTime;
  }

  /**
   * The value kept for {@code key}, or null when there is none that is still current, or when this caller is the
   * one chosen to read it again before it runs out (then {@link #put} what it reads).
   */
  public V get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    long now = nanoTime.getAsLong();
    if (entry.generation() != generation.getAsLong() || now - entry.expiresAt() > 0) {
      entries.remove(key, entry);
      return null;
    }
    if (now - entry.refreshAt() > 0 && entry.refreshing().compareAndSet(false, true)) {
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
      long now = nanoTime.getAsLong();
      entries.put(key, new Entry<>(value, readAt, now + ttlNanos - ttlNanos / 5, now + ttlNanos, new AtomicBoolean()));
    }
  }
}
