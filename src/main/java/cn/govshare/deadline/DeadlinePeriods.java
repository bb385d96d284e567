package cn.govshare.deadline;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a timed task's period starts and how many working days of extension have been approved, as the
 * case's own record knows them (issue 18: never from a process variable a user can write). A feature that
 * owns a process provides one; the ledger asks each and falls back to the task's creation time.
 */
public interface DeadlinePeriods {

  /** Empty when this source does not own the task. */
  Optional<Period> period(String processInstanceId, String taskKey);

  /** {@code start}: receipt (the day of receipt does not count, SPEC §3); {@code extensionDays}: approved so far. */
  record Period(Instant start, int extensionDays) {

    public Period {
      if (start == null || extensionDays < 0) {
        throw new IllegalArgumentException("a period needs a start and a non-negative extension");
      }
    }
  }
}
