package cn.govshare.deadline;

import cn.govshare.evaluation.EvaluationFigure;
import cn.govshare.evaluation.EvaluationFigureSource;
import cn.govshare.evaluation.FigureCounter;
import cn.govshare.org.DepartmentService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * R28 (timeliness): from the deadline ledger, per department and year — provider answers (R13), data corrections
 * (R22) and catalogue updates (R6) completed in the year: how many, the on-time rate (met / completed with a limit)
 * and the median handling time in working days; and the breaches raised in the year (any rule).
 */
@Component
class DeadlineFigures implements EvaluationFigureSource {

  /** A timed step counted: its rule, the key prefix of its figures and what it is called. */
  private record Step(String rule, String prefix, String name) {
  }

  private static final List<Step> STEPS = List.of(new Step("R13", "requests", "答复申请"),
      new Step("R22", "correctionDeadlines", "疑义校核"), new Step("R6", "catalogUpdates", "目录更新"));

  static final String BREACHED = "deadlines.breached";
  private static final String HANDLED = ".handled";
  private static final String ON_TIME = ".onTimeRate";
  private static final String MEDIAN = ".medianWorkingDays";
  private static final List<String> SUFFIXES = List.of(HANDLED, ON_TIME, MEDIAN);

  private final DeadlineMapper mapper;
  private final DepartmentService departments;

  DeadlineFigures(DeadlineMapper mapper, DepartmentService departments) {
    this.mapper = mapper;
    this.departments = departments;
  }

  @Override
  public List<EvaluationFigure> figures(int year) {
    List<DeadlineRecord> records = records(year);
    Map<String, List<DeadlineRecord>> byDepartment = new TreeMap<>();
    // a role group's tasks (platform-operators, general-office …) are no department's: the evaluation is per department
    records.stream().filter(d -> d.department() != null && departments.find(d.department()).isPresent())
        .forEach(d -> byDepartment.computeIfAbsent(d.department(), k -> new ArrayList<>()).add(d));
    List<EvaluationFigure> figures = new ArrayList<>();
    byDepartment.forEach((department, mine) -> {
      STEPS.forEach(step -> {
        List<DeadlineRecord> done = mine.stream().filter(completed(year, step.rule())).toList();
        if (done.isEmpty()) {
          return;
        }
        List<DeadlineRecord> timed = done.stream().filter(DeadlineRecord::timed).toList();
        int met = (int) timed.stream().filter(d -> d.isIn(DeadlineState.MET)).count();
        add(figures, year, department, step.prefix() + HANDLED, step.name() + "办结数", (double) done.size());
        add(figures, year, department, step.prefix() + ON_TIME, "按时" + step.name() + "率",
            DeadlineStatistics.rate(met, timed.size()));
        add(figures, year, department, step.prefix() + MEDIAN, step.name() + "用时中位数（工作日）",
            DeadlineStatistics.median(done.stream().map(DeadlineRecord::handlingWorkingDays)
                .filter(Objects::nonNull).toList()));
      });
      add(figures, year, department, BREACHED, "超期次数",
          (double) mine.stream().filter(breached(year)).count());
    });
    return figures;
  }

  @Override
  public Optional<List<?>> evidence(int year, String departmentId, String key) {
    Predicate<DeadlineRecord> which = null;
    if (BREACHED.equals(key)) {
      which = breached(year);
    }
    for (Step step : STEPS) {
      if (SUFFIXES.stream().anyMatch(suffix -> key.equals(step.prefix() + suffix))) {
        which = completed(year, step.rule());
      }
    }
    if (which == null) {
      return Optional.empty();
    }
    return Optional.of(records(year).stream().filter(d -> departmentId.equals(d.department())).filter(which).toList());
  }

  private static void add(List<EvaluationFigure> figures, int year, String department, String key, String label,
      Double value) {
    if (value != null) {
      figures.add(new EvaluationFigure(department, key, label, BigDecimal.valueOf(value),
          EvaluationFigureSource.evidencePath(year, department, key)));
    }
  }

  private static Predicate<DeadlineRecord> completed(int year, String rule) {
    return d -> rule.equals(d.rule()) && FigureCounter.inYear(d.completedAt(), year)
        && (d.isIn(DeadlineState.MET) || d.isIn(DeadlineState.LATE));
  }

  private static Predicate<DeadlineRecord> breached(int year) {
    return d -> FigureCounter.inYear(d.breachedAt(), year);
  }

  private List<DeadlineRecord> records(int year) {
    return mapper.closedOrBreachedBetween(FigureCounter.start(year), FigureCounter.end(year));
  }
}
