package cn.govshare.calendar;

import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/** DEGRADED while a needed year (this one, or from 1 December the next) has no official data (SPEC §3). */
@Component
class CalendarHealthIndicator implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "年份缺少官方节假日数据，按周末计算");

  private final WorkingCalendar calendar;

  CalendarHealthIndicator(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public Health health() {
    List<Integer> missing = calendar.missingYears();
    return (missing.isEmpty() ? Health.up() : Health.status(DEGRADED))
        .withDetail("officialYears", calendar.coveredYears().stream().sorted().toList())
        .withDetail("missingYears", missing).build();
  }
}
