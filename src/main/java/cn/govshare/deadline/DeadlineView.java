package cn.govshare.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline as other features see it (CONTRACT "Deadline mechanism"). {@code dueDate}/{@code dueAt} are
 * null for a step without a limit (未规定); {@code state} is a {@link DeadlineState} name.
 */
public record DeadlineView(String taskId, String taskDefinitionKey, String taskName, String rule, String citation,
    Instant startedAt, LocalDate dueDate, Instant dueAt, String state, boolean fallback, Instant completedAt,
    String completedBy) {

  static DeadlineView of(DeadlineRecord record) {
    return new DeadlineView(record.taskId(), record.taskDefinitionKey(), record.taskName(), record.rule(),
        record.citation(), record.startedAt(), record.dueDate(), record.dueAt(), record.state(), record.fallback(),
        record.completedAt(), record.completedBy());
  }
}
