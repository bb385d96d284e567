package cn.govshare.deadline;

import cn.govshare.clock.Zones;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** TEMPORARY stand-in for branches calendar and policy (only 2025 National Day known); removed on merge. */
@Component
class TemporaryRules implements DeadlineCalendar, DeadlinePolicy {

  private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2),
      LocalDate.of(2025, 10, 3), LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 8));
  private static final Set<LocalDate> MAKEUP = Set.of(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
  private static final Map<String, Limit> LIMITS = Map.of(
      "R12", new Limit("R12", "规范性审查", 3, Unit.WORKING_DAYS, true, "湖北省办法 第十九条"),
      "R13", new Limit("R13", "提供部门答复", 10, Unit.WORKING_DAYS, true, "湖北省办法 第二十条"),
      "R14", new Limit("R14", "告知申请部门", 1, Unit.WORKING_DAYS, true, "湖北省办法 第二十条"),
      "R22", new Limit("R22", "数据校核", 5, Unit.WORKING_DAYS, true, "邵阳市办法 第二十五条"),
      "R7", new Limit("R7", "目录变更告知", 1, Unit.MONTHS, true, "南昌市办法 第九条"),
      "R18-NEGOTIATION", new Limit("R18-NEGOTIATION", "部门协商", 0, Unit.NONE, false, "未规定"));

  @Override
  public Due due(Instant receivedAt, int workingDays) {
    LocalDate day = receivedAt.atZone(Zones.SHANGHAI).toLocalDate();
    for (int n = 0; n < workingDays; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        n++;
      }
    }
    return new Due(day, day.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant(), day.getYear() != 2025);
  }

  @Override
  public boolean isWorkingDay(LocalDate day) {
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    return MAKEUP.contains(day) || !weekend && !HOLIDAYS.contains(day);
  }

  @Override
  public int workingDaysBetween(LocalDate a, LocalDate b) {
    int n = 0;
    for (LocalDate day = a.plusDays(1); !day.isAfter(b); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String profile() {
    return "baseline";
  }

  @Override
  public boolean has(String rule) {
    return LIMITS.containsKey(rule);
  }

  @Override
  public Limit limit(String rule) {
    return LIMITS.get(rule);
  }
}
