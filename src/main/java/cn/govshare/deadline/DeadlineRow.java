package cn.govshare.deadline;

import java.time.Instant;
import java.time.LocalDate;

/** One ledger row as the supervision page lists and exports it (SPEC §7): who owes what, by when, and what came of it. */
public record DeadlineRow(long id, String businessKey, String department, String taskName, String rule,
    String citation, Instant startedAt, LocalDate dueDate, Instant dueAt, String state, Instant breachedAt,
    Instant completedAt, Integer workingDaysOverdue, boolean fallback) {

  static DeadlineRow of(DeadlineRecord r) {
    return new DeadlineRow(r.id(), r.businessKey(), r.department(), r.taskName(), r.rule(), r.citation(),
        r.startedAt(), r.dueDate(), r.dueAt(), r.state(), r.breachedAt(), r.completedAt(), r.workingDaysOverdue(),
        r.fallback());
  }
}
