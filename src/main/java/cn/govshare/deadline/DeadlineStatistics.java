package cn.govshare.deadline;

import cn.govshare.clock.Zones;
import cn.govshare.org.DepartmentService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * R27 statistics per department and month: tasks handled (completed), median handling time in working
 * days, on-time rate (over tasks with a limit), breaches raised. Months are Asia/Shanghai calendar months.
 */
@Service
class DeadlineStatistics {

  static final String NO_DEPARTMENT = "-";

  private final DeadlineMapper mapper;
  private final DepartmentService departments;

  DeadlineStatistics(DeadlineMapper mapper, DepartmentService departments) {
    this.mapper = mapper;
    this.departments = departments;
  }

  /** One department in one month. {@code medianWorkingDays} and {@code onTimeRate} are null when nothing counts. */
  record Row(String department, String departmentName, YearMonth month, int handled, Double medianWorkingDays,
      Double onTimeRate, int breaches) {
  }

  /** {@code from}..{@code to} inclusive; {@code department} null = all departments. */
  List<Row> compute(LocalDate from, LocalDate to, String department) {
    Instant start = from.atStartOfDay(Zones.SHANGHAI).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant();
    Map<String, Tally> tallies = new TreeMap<>();
    for (DeadlineRecord d : mapper.closedOrBreachedBetween(start, end)) {
      String dept = d.department() == null ? NO_DEPARTMENT : d.department();
      if (department != null && !department.equals(dept)) {
        continue;
      }
      if (d.completedAt() != null && within(d.completedAt(), start, end)
          && (d.isIn(DeadlineState.MET) || d.isIn(DeadlineState.LATE))) {
        tallies.computeIfAbsent(key(dept, d.completedAt()), k -> new Tally(dept, month(d.completedAt())))
            .handled(d);
      }
      if (d.breachedAt() != null && within(d.breachedAt(), start, end)) {
        tallies.computeIfAbsent(key(dept, d.breachedAt()), k -> new Tally(dept, month(d.breachedAt()))).breaches++;
      }
    }
    return tallies.values().stream().map(this::row)
        .sorted(Comparator.comparing(Row::department).thenComparing(Row::month)).toList();
  }

  private Row row(Tally t) {
    String name = departments.nameOf(t.department);
    return new Row(t.department, name, t.month, t.handled, median(t.workingDays), rate(t.met, t.timed), t.breaches);
  }

  /** The median of the numbers, null when there are none. */
  static Double median(List<Integer> numbers) {
    List<Integer> days = numbers.stream().sorted().toList();
    return days.isEmpty() ? null
        : days.size() % 2 == 1 ? days.get(days.size() / 2).doubleValue()
        : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0;
  }

  /** {@code part / whole} to four decimals, null when {@code whole} is 0. */
  static Double rate(int part, int whole) {
    return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
  }

  private static boolean within(Instant at, Instant start, Instant end) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  private static YearMonth month(Instant at) {
    return YearMonth.from(at.atZone(Zones.SHANGHAI));
  }

  private static String key(String department, Instant at) {
    return department + "|" + month(at);
  }

  private static final class Tally {
    final String department;
    final YearMonth month;
    final List<Integer> workingDays = new ArrayList<>();
    int handled;
    int timed;
    int met;
    int breaches;

    Tally(String department, YearMonth month) {
      this.department = department;
      this.month = month;
    }

    void handled(DeadlineRecord d) {
      handled++;
      if (d.handlingWorkingDays() != null) {
        workingDays.add(d.handlingWorkingDays());
      }
      if (d.timed()) {
        timed++;
        if (d.isIn(DeadlineState.MET)) {
          met++;
        }
      }
    }
  }
}
