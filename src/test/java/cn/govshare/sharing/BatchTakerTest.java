package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A data-call writer's batches (issue 25): everything waiting, up to the batch size; a linger only when calls come
 * faster than a commit, never for a call that comes alone. The linger here is long (half a second) so that what
 * arrives during it is unmistakable on a busy machine.
 */
class BatchTakerTest {

  private static final Duration LINGER = Duration.ofMillis(500);

  private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    later.shutdownNow();
  }

  @Test
  void takesEverythingWaitingUpToTheBatchSize() throws Exception {
    BatchTaker<String> taker = new BatchTaker<>(queue, 3, LINGER);
    queue.addAll(List.of("rsj-1", "rsj-2", "rsj-3", "rsj-4"));
    List<String> batch = new ArrayList<>();

    assertThat(taker.take(batch)).isTrue();
    assertThat(batch).containsExactly("rsj-1", "rsj-2", "rsj-3");
  }

  @Test
  void nothingWaitingIsNoBatch() throws Exception {
    BatchTaker<String> taker = new BatchTaker<>(queue, 3, LINGER);
    List<String> batch = new ArrayList<>();

    assertThat(taker.take(batch)).isFalse();
    assertThat(batch).isEmpty();
  }

  @Test
  void aCallThatComesAloneIsNotHeldBack() throws Exception {
    BatchTaker<String> taker = new BatchTaker<>(queue, 200, LINGER);
    queue.add("rsj-1");
    taker.take(new ArrayList<>());

    queue.add("rsj-2");
    later.schedule(() -> queue.add("rsj-3"), 200, TimeUnit.MILLISECONDS);
    List<String> batch = new ArrayList<>();
    long started = System.nanoTime();
    taker.take(batch);

    assertThat(batch).as("the last batch held one call: no linger").containsExactly("rsj-2");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LINGER);
  }

  @Test
  void afterABatchOfSeveralItLingersSoTheNextCommitHoldsTheCallsOfThatMoment() throws Exception {
    BatchTaker<String> taker = new BatchTaker<>(queue, 200, LINGER);
    queue.addAll(List.of("rsj-1", "rsj-2"));
    taker.take(new ArrayList<>());

    queue.add("rsj-3");
    later.schedule(() -> queue.add("rsj-4"), 100, TimeUnit.MILLISECONDS);
    List<String> batch = new ArrayList<>();
    taker.take(batch);

    assertThat(batch).containsExactly("rsj-3", "rsj-4");
  }

  @Test
  void noLingerConfiguredTakesWhatIsWaiting() throws Exception {
    BatchTaker<String> taker = new BatchTaker<>(queue, 200, Duration.ZERO);
    queue.addAll(List.of("rsj-1", "rsj-2"));
    taker.take(new ArrayList<>());

    queue.add("rsj-3");
    later.schedule(() -> queue.add("rsj-4"), 200, TimeUnit.MILLISECONDS);
    List<String> batch = new ArrayList<>();
    taker.take(batch);

    assertThat(batch).containsExactly("rsj-3");
  }

  @Test
  void aPauseWithoutCallsEndsTheLinger() throws Exception {
    BatchTaker<String> taker = new BatchTaker<>(queue, 200, LINGER);
    queue.addAll(List.of("rsj-1", "rsj-2"));
    taker.take(new ArrayList<>());
    assertThat(taker.take(new ArrayList<>())).isFalse();

    queue.add("rsj-3");
    later.schedule(() -> queue.add("rsj-4"), 200, TimeUnit.MILLISECONDS);
    List<String> batch = new ArrayList<>();
    taker.take(batch);

    assertThat(batch).as("calls stopped for a while: the next one is not held").containsExactly("rsj-3");
  }
}
