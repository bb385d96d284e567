package cn.govshare.calendar;

import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tests share one application: a year a test loads at run time is forgotten again, and deadlines follow. */
public final class RunTimeYears {

  private RunTimeYears() {
  }

  public static void forget(ApplicationContext context, int year) {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    jdbc.update("DELETE FROM gs_calendar_year_day WHERE notice_year = ?", year);
    jdbc.update("DELETE FROM gs_calendar_year WHERE notice_year = ?", year);
    jdbc.update("UPDATE gs_calendar_version SET version = version + 1 WHERE id = 1");
    context.getBean(CalendarSync.class).reload();
    context.publishEvent(new CalendarChanged(Set.of(year)));
  }
}
