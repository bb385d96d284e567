package cn.govshare.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** An administrator's correction of one day (wins over every notice). */
public record CalendarOverride(LocalDate day, DayKind kind, String name, String reason, String changedBy,
    Instant changedAt) {
}
