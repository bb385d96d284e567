package cn.govshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The short-lived caches of callers and catalogue entries (issue 12, issue 25): what is kept, for how long, and that a
 * key asked for all the time is read again by one caller before it runs out, not by every caller once it has.
 */
class GenerationCacheTest {

  private static final Duration TTL = Duration.ofSeconds(10);

  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong now = new AtomicLong();
  private final GenerationCache<String, String> cache = new GenerationCache<>(TTL, generation::get, now::get);

  @Test
  void keepsAValueForItsTimeToLive() {
    cache.put("operator", "平台运营", cache.generation());
    assertThat(cache.get("operator")).isEqualTo("平台运营");

    now.set(TTL.toNanos() + 1);
    assertThat(cache.get("operator")).isNull();
  }

  @Test
  void dropsEverythingWhenTheSourceChanges() {
    cache.put("operator", "平台运营", cache.generation());
    generation.incrementAndGet();
    assertThat(cache.get("operator")).isNull();
  }

  @Test
  void neverKeepsAValueReadWhileAWriteWasUnderWay() {
    long readAt = cache.generation();
    generation.incrementAndGet();
    cache.put("operator", "旧的", readAt);
    assertThat(cache.get("operator")).isNull();
  }

  @Test
  void aTimeToLiveOfZeroKeepsNothing() {
    GenerationCache<String, String> off = new GenerationCache<>(Duration.ZERO, generation::get, now::get);
    off.put("operator", "平台运营", off.generation());
    assertThat(off.get("operator")).isNull();
  }

  @Test
  void inItsLastFifthOneCallerReadsItAgainWhileTheOthersKeepIt() {
    cache.put("operator", "平台运营", cache.generation());
    now.set(TTL.toNanos() * 4 / 5 - 1);
    assertThat(cache.get("operator")).as("before its last fifth").isEqualTo("平台运营");

    now.set(TTL.toNanos() * 4 / 5 + 1);
    assertThat(cache.get("operator")).as("the first caller of its last fifth reads it again").isNull();
    assertThat(cache.get("operator")).as("the next callers meanwhile").isEqualTo("平台运营");
    assertThat(cache.get("operator")).isEqualTo("平台运营");

    cache.put("operator", "平台运营（新）", cache.generation());
    now.set(TTL.toNanos() * 3 / 2);
    assertThat(cache.get("operator")).as("read again: a new time to live from then").isEqualTo("平台运营（新）");
  }

  @Test
  void aRefreshThatNeverCameBackEndsWithTheTimeToLive() {
    cache.put("operator", "平台运营", cache.generation());
    now.set(TTL.toNanos() * 9 / 10);
    assertThat(cache.get("operator")).isNull();  // this caller failed and put nothing
    assertThat(cache.get("operator")).isEqualTo("平台运营");

    now.set(TTL.toNanos() + 1);
    assertThat(cache.get("operator")).as("never served past its time to live").isNull();
  }

  @Test
  void manyConcurrentCallersOfAnAgeingEntrySendOnlyOneToReadItAgain() throws Exception {
    cache.put("operator", "平台运营", cache.generation());
    now.set(TTL.toNanos() * 9 / 10);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> callers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        callers.add(() -> cache.get("operator"));
      }
      long misses = 0;
      for (Future<String> answer : pool.invokeAll(callers)) {
        if (answer.get() == null) {
          misses++;
        }
      }
      assertThat(misses).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
