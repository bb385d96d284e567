package cn.govshare.deadline;

import java.time.Instant;
import java.time.LocalDate;

/** A due date moved after it was set (calendar data loaded or corrected): old, new and why (SPEC §3). */
public record DeadlineChange(Long id, long deadlineId, Instant changedAt, LocalDate oldDueDate, Instant oldDueAt,
    boolean oldFallback, LocalDate newDueDate, Instant newDueAt, boolean newFallback, String reason) {
}
