package cn.govshare.calendar;

import cn.govshare.clock.Zones;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Lets BPMN authors write working-day durations: {@code P5WD} in a timer or a due date means "5 Chinese
 * working days later, same time of day". Everything else (ISO-8601 durations, dates, cycles) is handed
 * to Camunda's own calendars unchanged.
 */
@Component
class WorkingDayBusinessCalendars extends AbstractProcessEnginePlugin {

  static final Pattern WORKING_DAYS = Pattern.compile("P(\\d{1,4})WD");

  private final WorkingCalendar calendar;

  WorkingDayBusinessCalendars(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new WorkingDays(new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new WorkingDays(new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }

  /** The n-th working day after {@code start}'s date, at the same Shanghai time of day. */
  Date afterWorkingDays(Date start, int workingDays) {
    ZonedDateTime from = start.toInstant().atZone(Zones.SHANGHAI);
    LocalTime time = from.toLocalTime();
    Instant due = calendar.due(from.toInstant(), workingDays).dueDate().atTime(time).atZone(Zones.SHANGHAI).toInstant();
    return Date.from(due);
  }

  private final class WorkingDays implements BusinessCalendar {

    private final BusinessCalendar standard;

    WorkingDays(BusinessCalendar standard) {
      this.standard = standard;
    }

    @Override
    public Date resolveDuedate(String description) {
      return resolveDuedate(description, ClockUtil.getCurrentTime());
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
      Matcher matcher = description == null ? null : WORKING_DAYS.matcher(description.trim());
      if (matcher != null && matcher.matches()) {
        return afterWorkingDays(startDate == null ? ClockUtil.getCurrentTime() : startDate,
            Integer.parseInt(matcher.group(1)));
      }
      return standard.resolveDuedate(description, startDate);
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
      Matcher matcher = description == null ? null : WORKING_DAYS.matcher(description.trim());
      if (matcher != null && matcher.matches()) {
        Date start = task != null && task.getCreateTime() != null ? task.getCreateTime() : ClockUtil.getCurrentTime();
        return afterWorkingDays(start, Integer.parseInt(matcher.group(1)));
      }
      return standard.resolveDuedate(description, task);
    }
  }
}
