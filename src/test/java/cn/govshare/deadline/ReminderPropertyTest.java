package cn.govshare.deadline;

import cn.govshare.policy.LimitUnit;
import cn.govshare.policy.TimeLimit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.clock.Zones;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SPEC §7: the reminder lands one working day before due and never on a non-working day (2025–2026). */
@GovShareTest
class ReminderPropertyTest {

  @Autowired
  WorkingCalendar calendar;

  @Test
  void reminderIsOnAWorkingDayBeforeDueForEveryReceiptDayAndLimitIn2025And2026() {
    int checked = 0;
    for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() < 2027; day = day.plusDays(1)) {
      for (int hour : new int[] {0, 10, 23}) {
        Instant received = day.atTime(hour, 30).atZone(Zones.SHANGHAI).toInstant();
        for (int n = 1; n <= 15; n++) {
          DeadlineTerms terms = DeadlineTerms.compute(new TimeLimit("R", "step", n,
              LimitUnit.WORKING_DAYS, true, "art."), received, 0, calendar);
          LocalDate reminderDay = terms.remindAt().atZone(Zones.SHANGHAI).toLocalDate();
          String what = "received " + received + ", " + n + " WD, reminder " + reminderDay + ", due " + terms.dueDate();
          assertThat(terms.remindAt().atZone(Zones.SHANGHAI).toLocalTime().toSecondOfDay()).as(what).isZero();
          assertThat(calendar.isWorkingDay(reminderDay)).as(what).isTrue();
          assertThat(terms.remindAt()).as(what).isAfter(received).isBefore(terms.dueAt());
          assertThat(calendar.workingDaysBetween(reminderDay, terms.dueDate())).as(what).isEqualTo(n == 1 ? 0 : 1);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(730 * 3 * 15);
  }
}
