package cn.govshare.deadline;

import cn.govshare.calendar.DueText;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.clock.Zones;
import java.util.List;

/**
 * A deadline as people read it (issue 20): the last day ("2026年12月3日（星期四）前") and, when it was counted
 * without the holiday notice of a year it reaches into, {@code provisional} with the Chinese reason. A year
 * loaded since then no longer counts: open deadlines are recomputed ({@link DeadlineRecomputation}).
 */
record DueWording(String dueText, boolean provisional, String provisionalReason) {

  static DueWording of(DeadlineRecord deadline, WorkingCalendar calendar) {
    if (!deadline.timed()) {
      return new DueWording(null, false, null);
    }
    List<Integer> missing = deadline.fallback()
        ? calendar.uncoveredYears(deadline.startedAt().atZone(Zones.SHANGHAI).toLocalDate(), deadline.dueDate())
        : List.of();
    return new DueWording(DueText.lastDay(deadline.dueAt()), !missing.isEmpty(),
        missing.isEmpty() ? null : DueText.provisionalReason(missing));
  }
}
