package cn.govshare.evaluation;

import cn.govshare.ApiException;
import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The evaluation as the API shows it: views per caller, evidence, recomputation, publication by a supervisor. */
@Service
class EvaluationReports {

  static final int FIRST_YEAR = 2000;

  private final YearlyEvaluations evaluations;
  private final DepartmentService departments;
  private final TaskService tasks;
  private final Clock clock;

  EvaluationReports(YearlyEvaluations evaluations, DepartmentService departments, TaskService tasks, Clock clock) {
    this.evaluations = evaluations;
    this.departments = departments;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** A figure whose stored and recomputed values differ (recomputed null: the figure is gone). */
  record Difference(String department, String key, BigDecimal stored, BigDecimal recomputed) {
  }

  record Recomputation(int year, boolean same, List<Difference> differences) {
  }

  int year(String text) {
    int year;
    try {
      year = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("year", "年度须为四位数字，如 2025");
    }
    int current = LocalDate.now(clock.withZone(Zones.SHANGHAI)).getYear();
    if (year < FIRST_YEAR || year > current) {
      throw ApiException.badRequest("year", "年度须在 " + FIRST_YEAR + " 到 " + current + " 之间");
    }
    return year;
  }

  EvaluationView view(Caller caller, int year) {
    EvaluationAccess.requireReader(caller);
    Evaluation evaluation = evaluations.find(year).orElse(null);
    boolean published = evaluation != null && evaluation.state() == EvaluationState.PUBLISHED;
    boolean provisional = evaluation == null || evaluation.state() == EvaluationState.REPORTING;
    List<EvaluationFigure> figures = provisional ? evaluations.compute(year) : evaluations.storedFigures(year);
    Map<String, List<EvaluationFigure>> byDepartment = figures.stream()
        .collect(Collectors.groupingBy(EvaluationFigure::departmentId, LinkedHashMap::new, Collectors.toList()));
    Map<String, SelfReport> reports = evaluations.reports(year);
    TreeSet<String> codes = new TreeSet<>(byDepartment.keySet());
    departments.all().forEach(d -> codes.add(d.code()));
    List<EvaluationView.Row> rows = new ArrayList<>();
    for (String code : codes) {
      if (!EvaluationAccess.seesRow(caller, code, published)) {
        continue;
      }
      SelfReport report = reports.get(code);
      rows.add(new EvaluationView.Row(code, departments.nameOf(code),
          report == null ? null : report.submittedAt(),
          report != null && EvaluationAccess.seesReportText(caller, code) ? report.report() : null,
          byDepartment.getOrDefault(code, List.of())));
    }
    return evaluation == null
        ? new EvaluationView(year, null, true, null, null, null, null, null, rows)
        : new EvaluationView(year, evaluation.state(), provisional, evaluation.reportDueDate(),
            evaluation.reportDueCitation(), evaluation.remarks(), evaluation.reviewedBy(), evaluation.publishedAt(),
            rows);
  }

  /** The records behind one figure, for whoever may see the department's row. */
  List<?> evidence(Caller caller, int year, String department, String key) {
    EvaluationAccess.requireReader(caller);
    boolean published = evaluations.find(year).map(e -> e.state() == EvaluationState.PUBLISHED).orElse(false);
    if (!EvaluationAccess.seesRow(caller, department, published)) {
      throw ApiException.forbidden("只能查看本部门的评估数据");
    }
    return evaluations.evidence(year, department, key)
        .orElseThrow(() -> ApiException.notFound("没有该项评估数据: " + key));
  }

  /** Recomputes a year whose figures are stored and compares: a published year must come out the same. */
  Recomputation recompute(Caller caller, int year) {
    if (!EvaluationAccess.seesAll(caller)) {
      throw ApiException.forbidden("只有监督人员和办公厅可以复算年度评估");
    }
    Evaluation evaluation = evaluations.find(year)
        .filter(e -> e.state() != EvaluationState.REPORTING)
        .orElseThrow(() -> ApiException.notFound(year + " 年度评估尚未计算"));
    Map<String, EvaluationFigure> stored = index(evaluations.storedFigures(evaluation.year()));
    Map<String, EvaluationFigure> now = index(evaluations.compute(evaluation.year()));
    List<Difference> differences = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(stored.keySet());
    keys.addAll(now.keySet());
    for (String key : keys) {
      EvaluationFigure before = stored.get(key);
      EvaluationFigure after = now.get(key);
      if (before == null || after == null || before.value().compareTo(after.value()) != 0) {
        EvaluationFigure any = Objects.requireNonNullElse(before, after);
        differences.add(new Difference(any.departmentId(), any.key(), before == null ? null : before.value(),
            after == null ? null : after.value()));
      }
    }
    return new Recomputation(year, differences.isEmpty(), differences);
  }

  private static Map<String, EvaluationFigure> index(List<EvaluationFigure> figures) {
    return figures.stream().collect(Collectors.toMap(f -> f.departmentId() + "|" + f.key(), f -> f, (a, b) -> a,
        LinkedHashMap::new));
  }

  /** POST publish: the supervisor completes the review with remarks; the process publishes. */
  EvaluationView publish(Caller caller, int year, String remarks) {
    if (!caller.isSupervisor()) {
      throw ApiException.forbidden("只有监督人员可以公布年度评估");
    }
    Evaluation evaluation = evaluations.find(year)
        .orElseThrow(() -> ApiException.notFound(year + " 年度没有评估"));
    String text = StringUtils.stripToNull(remarks);
    if (text != null && text.length() > YearlyEvaluations.MAX_TEXT) {
      throw ApiException.badRequest("remarks", "不能超过 " + YearlyEvaluations.MAX_TEXT + " 个字符");
    }
    Task review = evaluation.processInstanceId() == null ? null
        : tasks.createTaskQuery().processInstanceId(evaluation.processInstanceId())
            .taskDefinitionKey(YearlyEvaluations.REVIEW_TASK).singleResult();
    if (evaluation.state() != EvaluationState.REVIEW || review == null) {
      throw ApiException.conflict("year", year + " 年度评估当前为 " + evaluation.state() + "，不在待审核状态");
    }
    evaluations.recordReview(year, text, caller);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(YearlyEvaluations.REMARKS_FIELD, text);
    tasks.complete(review.getId(), variables);
    return view(caller, year);
  }
}
