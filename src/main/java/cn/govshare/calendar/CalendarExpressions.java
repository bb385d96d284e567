package cn.govshare.calendar;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The {@code calendar} bean for BPMN expressions, e.g.
 * {@code camunda:dueDate="${calendar.due(execution, 5)}"}: the end of the 5th working day from now (SPEC §3).
 * Product processes take their limits from the policy profile instead (docs/deadlines.md).
 */
@Component("calendar")
public class CalendarExpressions {

  private final WorkingCalendar calendar;
  private final Clock clock;

  CalendarExpressions(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  public Date due(VariableScope scope, int workingDays) {
    return Date.from(calendar.due(clock.instant(), workingDays).dueAt());
  }
}
