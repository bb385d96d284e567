package cn.govshare.supervision;

import cn.govshare.clock.Zones;
import cn.govshare.evaluation.EvaluationFigure;
import cn.govshare.evaluation.EvaluationFigureSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The register's part of the yearly evaluation (R28): per department, the violations recorded in the year (all,
 * and by kind; withdrawn ones do not count) and the rectification orders issued in the year that were still open at
 * its end or lapsed. Each figure links to the records it counts, and a closed year always gives the same numbers.
 */
@Component
class SupervisionFigures implements EvaluationFigureSource {

  private final Violations violations;
  private final RectificationMapper orders;

  SupervisionFigures(Violations violations, RectificationMapper orders) {
    this.violations = violations;
    this.orders = orders;
  }

  @Override
  public List<EvaluationFigure> figures(int year) {
    List<EvaluationFigure> figures = new ArrayList<>();
    Map<String, List<Violation>> byDepartment = violations.ofYear(year).stream()
        .filter(v -> v.withdrawnAt() == null)
        .collect(Collectors.groupingBy(Violation::department, TreeMap::new, Collectors.toList()));
    byDepartment.forEach((department, recorded) -> {
      String evidence = "/api/violations?dept=" + department + "&year=" + year;
      figures.add(figure(department, "violations.count", "违规记录", recorded.size(), evidence));
      for (ViolationKind kind : ViolationKind.values()) {
        long count = recorded.stream().filter(v -> v.kind() == kind).count();
        if (count > 0) {
          figures.add(figure(department, "violations.byKind." + kind, "违规记录：" + kind.chinese(), count,
              evidence + "&kind=" + kind));
        }
      }
    });
    Instant start = LocalDate.of(year, 1, 1).atStartOfDay(Zones.SHANGHAI).toInstant();
    Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(Zones.SHANGHAI).toInstant();
    Map<String, List<RectificationOrder>> issued = orders.search(null, null, 100_000).stream()
        .filter(o -> !o.issuedAt().isBefore(start) && o.issuedAt().isBefore(end))
        .collect(Collectors.groupingBy(RectificationOrder::department, TreeMap::new, Collectors.toList()));
    issued.forEach((department, list) -> {
      String evidence = RectificationController.PATH + "?dept=" + department + "&year=" + year;
      figures.add(figure(department, "rectifications.open", "年末未完成整改", count(list,
          o -> o.closedAt() == null || !o.closedAt().isBefore(end)), evidence));
      figures.add(figure(department, "rectifications.lapsed", "逾期未整改", count(list,
          o -> o.lapsedAt() != null && o.lapsedAt().isBefore(end)), evidence));
    });
    return figures;
  }

  private static long count(List<RectificationOrder> list, Predicate<RectificationOrder> test) {
    return list.stream().filter(test).count();
  }

  private static EvaluationFigure figure(String department, String key, String label, long value, String evidence) {
    return new EvaluationFigure(department, key, label, BigDecimal.valueOf(value), evidence);
  }
}
