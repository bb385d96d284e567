package cn.govshare.deadline;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the deadline ledger: a timed user task, its rule and article, and what became of it. */
record DeadlineRecord(Long id, String processInstanceId, String processDefinitionKey, String businessKey,
    String executionId, String taskId, String taskDefinitionKey, String taskName, String department,
    String candidateGroups, String rule, String profile, String step, String citation, int limitAmount,
    String limitUnit, boolean limitSpecified, int extensionDays, Instant startedAt, LocalDate dueDate, Instant dueAt,
    Instant remindAt, boolean fallback, String state, Instant remindedAt, Instant breachedAt, String incidentId,
    Instant completedAt, String completedBy, Integer workingDaysOverdue, Integer handlingWorkingDays) {

  boolean timed() {
    return dueAt != null;
  }

  boolean isIn(DeadlineState expected) {
    return expected.name().equals(state);
  }
}
