package cn.govshare.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deadline as other features see it (CONTRACT "Deadline mechanism"). {@code dueDate}/{@code dueAt} are
 * null for a step without a limit (未规定); {@code state} is a {@link DeadlineState} name; {@code id} is what
 * {@code POST /api/deadlines/{id}/urge} takes, {@code urges} every 催办 of the step.
 */
public record DeadlineView(String taskId, String taskDefinitionKey, String taskName, String rule, String citation,
    Instant startedAt, LocalDate dueDate, Instant dueAt, String state, boolean fallback, Instant completedAt,
    String completedBy, long id, List<Urge> urges) {

  static DeadlineView of(DeadlineRecord record, List<Urge> urges) {
    return new DeadlineView(record.taskId(), record.taskDefinitionKey(), record.taskName(), record.rule(),
        record.citation(), record.startedAt(), record.dueDate(), record.dueAt(), record.state(), record.fallback(),
        record.completedAt(), record.completedBy(), record.id(), urges);
  }
}
