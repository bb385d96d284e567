package cn.govshare.sharing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How one data-call writer takes its next batch from the calls waiting (issue 25): everything waiting at that moment,
 * up to the batch size. When its last batch held more than one call, the calls are coming faster than a commit and
 * the writer first lingers ({@code govshare.data-calls.linger}), so the next commit holds the calls of that moment
 * too: at 2 000 checks a second on two cores, half a millisecond made batches about twice as large, cut the
 * database's CPU a check by a third and the application's by a sixth, and lowered the tail (docs/performance.md,
 * twelfth part). A call that comes alone is never held back. One per writer thread.
 */
final class BatchTaker<T> {

  private static final long POLL_MILLIS = 100;

  private final BlockingQueue<T> queue;
  private final int batch;
  private final long lingerNanos;
  private int last;

  BatchTaker(BlockingQueue<T> queue, int batch, Duration linger) {
    this.queue = queue;
    this.batch = batch;
    this.lingerNanos = linger.toNanos();
  }

  /** Adds the next batch to {@code into}; false when no call came within a tenth of a second. */
  boolean take(List<T> into) throws InterruptedException {
    T first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    if (first == null) {
      last = 0;
      return false;
    }
    if (last > 1 && lingerNanos > 0) {
      LockSupport.parkNanos(lingerNanos);
    }
    into.add(first);
    queue.drainTo(into, batch - 1);
    last = into.size();
    return true;
  }
}
