package cn.govshare.deadline;

import java.time.Instant;

/**
 * Published once per breached deadline (R27), inside the engine command that breached it (the breach timer, the
 * supervision check, or a task completed late before its timer ran): the breach report and the violation
 * register (R29) listen. {@code message} is the short line Cockpit shows; the rest is the detail.
 */
public record DeadlineBreached(long deadlineId, String processInstanceId, String processDefinitionKey,
    String businessKey, String department, String taskName, String rule, String citation, Instant dueAt,
    Instant breachedAt, String message) {

  /** The category of the breach report's notification row. */
  public static final String REPORT_CATEGORY = "DEADLINE_BREACH";
}
