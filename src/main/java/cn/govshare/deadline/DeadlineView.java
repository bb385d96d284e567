package cn.govshare.deadline;

import cn.govshare.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deadline as other features see it (CONTRACT "Deadline mechanism"). {@code dueDate}/{@code dueAt} are
 * null for a step without a limit (未规定); {@code state} is a {@link DeadlineState} name. {@code dueText}
 * is what pages show ({@link cn.govshare.calendar.DueText}); {@code provisional} with {@code provisionalReason}
 * when a year the period reaches into has no holiday data yet. {@code id} is what
 * {@code POST /api/deadlines/{id}/urge} takes, {@code urges} every 催办 of the step.
 */
public record DeadlineView(String taskId, String taskDefinitionKey, String taskName, String rule, String citation,
    Instant startedAt, LocalDate dueDate, Instant dueAt, String dueText, boolean provisional, String provisionalReason,
    String state, String stateLabel, boolean fallback, Instant completedAt, String completedBy, long id,
    List<Urge> urges) {

  static DeadlineView of(DeadlineRecord record, WorkingCalendar calendar, List<Urge> urges) {
    DueWording wording = DueWording.of(record, calendar);
    return new DeadlineView(record.taskId(), record.taskDefinitionKey(), record.taskName(), record.rule(),
        record.citation(), record.startedAt(), record.dueDate(), record.dueAt(), wording.dueText(),
        wording.provisional(), wording.provisionalReason(), record.state(),
        DeadlineState.valueOf(record.state()).label(), record.fallback(), record.completedAt(), record.completedBy(),
        record.id(), urges);
  }
}
