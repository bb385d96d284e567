package cn.govshare.deadline;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a case keeps the period of one of its timed tasks (issue 18: never a process variable a user can
 * write). A feature that owns a process implements it; the ledger asks every implementation first, by the
 * process instance and the task key, and reads no {@code <taskKey>ReceivedAt} / {@code ExtensionDays}
 * variable of a process that one of them claims.
 */
public interface DeadlinePeriods {

  /** The period of {@code taskKey} in this process instance, or empty when the process is not this feature's. */
  Optional<Period> period(String processInstanceId, String taskKey);

  /**
   * @param startedAt     when the period began; null: when the task (or timed sub-process) started
   * @param extensionDays working days added by approved extensions
   * @param holder        the department that owes the step (a timed sub-process has no candidate groups); may be null
   */
  record Period(Instant startedAt, int extensionDays, String holder) {

    public static Period fromTaskCreation() {
      return new Period(null, 0, null);
    }
  }
}
