package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.JsonRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger against the real database (run by .ci/run with the mysql profile): there a breach batch reads and locks
 * its candidates with the static JSON_TABLE statements, which the embedded H2 never takes.
 */
class DeadlineLedgerIT extends DeadlineLedgerTest {

  @Test
  void onMariaDbABatchReadsAndLocksItsCandidatesWithJsonTableStatements() {
    assertThat(batches.inJsonRows()).isTrue();
  }

  /**
   * The JSON form of the timers' lock takes them from the highest id down and locks only those it takes, as the
   * descending range scan of the IN list did: a second batch meanwhile gets the others, without waiting.
   */
  @Test
  void onMariaDbABatchLocksOnlyTheTimersItTakesAndAnotherBatchGetsTheRest(@Autowired DeadlineJobsMapper jobs,
      @Autowired TransactionTemplate transaction) throws Exception {
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2025-09-26T02:00:00Z")));
    List<String> instances = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        instances.add(runtime.startProcessInstanceByKey(DeadlineProbe.KEY, Map.of("group", "gaj")).getId());
      }
      List<String> timers = new ArrayList<>();
      for (String instance : instances) {
        timers.add(jdbc.queryForObject("SELECT ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ? AND PROCESS_INSTANCE_ID_ = ?",
            String.class, DeadlineJobs.BREACH, instance));
      }
      List<String> highestFirst = timers.stream().sorted(Comparator.reverseOrder()).toList();
      CountDownLatch locked = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
        List<String> taken = jobs.lockJobsIn(JsonRows.column(highestFirst), 2);
        locked.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return taken;
      }));
      assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
      List<String> second = transaction.execute(status -> jobs.lockJobsIn(JsonRows.column(highestFirst), 4));
      release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(highestFirst.subList(0, 2));
      assertThat(second).containsExactlyInAnyOrderElementsOf(highestFirst.subList(2, 4));
    } finally {
      // before the clock is back: their timers would be due now
      instances.forEach(instance -> runtime.deleteProcessInstance(instance, "test done"));
      ClockUtil.reset();
    }
  }
}
