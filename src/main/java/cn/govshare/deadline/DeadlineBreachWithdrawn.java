package cn.govshare.deadline;

/** Published when a breach computed on fallback calendar data is withdrawn on the real calendar (R27). */
public record DeadlineBreachWithdrawn(long deadlineId, String reason) {
}
