package cn.govshare.evaluation;

import cn.govshare.FormRejection;
import cn.govshare.audit.AuditTrail;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.Department;
import cn.govshare.org.DepartmentService;
import cn.govshare.org.Groups;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly evaluation (R28; jinan 19, county 18-19, shaoyang 30, nanchang 29) as the process runs it: opened on
 * the first working day of January for the previous year, one self-report per department (bound to its task by
 * GovShare's own row, never by a variable), figures computed from every {@link EvaluationFigureSource} and stored,
 * reviewed by a supervisor and published.
 */
@Service("yearlyEvaluations")
public class YearlyEvaluations {

  static final String SELF_REPORT_TASK = "selfReport";
  static final String REVIEW_TASK = "evaluationReview";
  static final String REPORT_FIELD = "selfReport";
  static final String REMARKS_FIELD = "remarks";
  static final int MAX_TEXT = 4000;
  /** The evaluation's own figure: whether the department sent its self-report in time. */
  static final String SUBMITTED = "selfReport.submitted";

  private final EvaluationMapper mapper;
  private final EvaluationTransitions transitions;
  private final YearlyEvaluationSchedule schedule;
  private final List<EvaluationFigureSource> sources;
  private final DepartmentService departments;
  private final CallerResolver callers;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Clock clock;

  YearlyEvaluations(EvaluationMapper mapper, EvaluationTransitions transitions, YearlyEvaluationSchedule schedule,
      List<EvaluationFigureSource> sources, DepartmentService departments, CallerResolver callers,
      Notifications notifications, AuditTrail audit, Clock clock) {
    this.mapper = mapper;
    this.transitions = transitions;
    this.schedule = schedule;
    this.sources = sources;
    this.departments = departments;
    this.callers = callers;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the previous year is evaluated already (a second start, e.g. on another node, ends at once). */
  public boolean opened(DelegateExecution execution) {
    return mapper.findEvaluation(schedule.currentYear() - 1) != null;
  }

  /** Opens the previous year's evaluation: its row, one self-report row per department, the due date. */
  @Transactional
  public void open(DelegateExecution execution) {
    int startYear = schedule.currentYear();
    int year = startYear - 1;
    YearlyEvaluationSchedule.ReportDue due = schedule.reportDue(startYear);
    mapper.insertEvaluation(new Evaluation(year, EvaluationState.REPORTING, execution.getProcessInstanceId(),
        clock.instant(), due.dueDate(), due.dueAt(), due.citation(), null, null, null));
    for (Department department : departments.all()) {
      mapper.insertReport(year, department.code());
      notifications.notifyGroup(Groups.head(department.code()), "EVALUATION_OPENED", year + " 年度共享工作评估：请报告本部门情况",
          "请于 " + due.dueDate() + " 前在任务列表中提交本部门上一年度政务信息资源共享情况（" + due.citation() + "）",
          "EVALUATION", String.valueOf(year));
    }
    transitions.opened(year, "自评报告截止 " + due.dueDate() + "（" + due.citation() + "）");
  }

  /** How many self-report tasks the multi-instance creates: one per department row. */
  public int departmentCount(DelegateExecution execution) {
    return mapper.findReports(evaluation(execution.getProcessInstanceId()).year()).size();
  }

  /** The boundary timer of the self-reports: the stored due instant. */
  public Date reportDue(DelegateExecution execution) {
    return Date.from(evaluation(execution.getProcessInstanceId()).reportDueAt());
  }

  /** Task create: binds a self-report task to the next department without one; its head group is the candidate. */
  public void taskCreated(DelegateTask task) {
    Evaluation evaluation = evaluation(task.getProcessInstanceId());
    task.setVariableLocal("evaluationYear", String.valueOf(evaluation.year()));
    if (!SELF_REPORT_TASK.equals(task.getTaskDefinitionKey())) {
      return;
    }
    SelfReport next = mapper.findReports(evaluation.year()).stream().filter(r -> r.taskId() == null).findFirst()
        .orElseThrow(() -> new IllegalStateException("evaluation " + evaluation.year() + ": no department left"));
    if (mapper.bindNextReport(evaluation.year(), next.department(), task.getId()) != 1) {
      throw new IllegalStateException("evaluation " + evaluation.year() + ": " + next.department() + " bound twice");
    }
    task.addCandidateGroup(Groups.head(next.department()));
    task.setDueDate(Date.from(evaluation.reportDueAt()));
    task.setVariableLocal("departmentName", departments.nameOf(next.department()));
    task.setVariableLocal("reportDueText", evaluation.reportDueDate() + "（" + evaluation.reportDueCitation() + "）");
  }

  /** Task complete: stores the self-report or the supervisor's remarks; refuses a blank or overlong report. */
  public void taskCompleting(DelegateTask task) {
    Caller actor = callers.engineActor();
    if (SELF_REPORT_TASK.equals(task.getTaskDefinitionKey())) {
      String report = text(task, REPORT_FIELD, true);
      SelfReport row = mapper.findReportByTask(task.getId());
      if (row == null || mapper.submitReport(task.getId(), report, actor == null ? null : actor.userId(),
          clock.instant()) != 1) {
        throw new FormRejection(null, "该自评任务不属于任何部门或已提交");
      }
      audit.record(actor == null ? null : actor.userId(), "EVALUATION_SELF_REPORT", "EVALUATION",
          String.valueOf(row.year()), AuditTrail.OK, row.department() + " 提交 " + row.year() + " 年度自评报告");
    } else if (REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
      Evaluation evaluation = evaluation(task.getProcessInstanceId());
      String remarks = text(task, REMARKS_FIELD, false);
      // through POST /api/evaluations/{year}/publish the reviewer is already recorded (the engine runs as the system)
      mapper.updateReview(evaluation.year(), remarks, actor == null ? evaluation.reviewedBy() : actor.userId());
    }
  }

  /** Computes every department's figures for the year from the sources and stores them for review. */
  @Transactional
  public void computeFigures(DelegateExecution execution) {
    Evaluation evaluation = evaluation(execution.getProcessInstanceId());
    List<EvaluationFigure> figures = compute(evaluation.year());
    figures.forEach(f -> mapper.insertFigure(evaluation.year(), f));
    transitions.apply(evaluation.year(), EvaluationTransitions.Event.FIGURES_COMPUTED, "system",
        figures.size() + " 项数据已计算并保存，待监督审核");
  }

  /** Publishes the reviewed year: visible to every department from now on, read-only. */
  @Transactional
  public void publish(DelegateExecution execution) {
    Evaluation evaluation = evaluation(execution.getProcessInstanceId());
    mapper.updatePublished(evaluation.year(), clock.instant());
    transitions.apply(evaluation.year(), EvaluationTransitions.Event.PUBLISHED, evaluation.reviewedBy(),
        StringUtils.defaultString(evaluation.remarks()));
    for (Department department : departments.all()) {
      notifications.notifyGroup(department.code(), "EVALUATION_PUBLISHED", evaluation.year() + " 年度共享工作评估结果已公布",
          "评估结果：/api/evaluations/" + evaluation.year() + "（打印版 /evaluation/index.html?year=" + evaluation.year() + "）",
          "EVALUATION", String.valueOf(evaluation.year()));
    }
  }

  /** Every figure of the year as the records say now: the sources' and the evaluation's own, sorted. */
  List<EvaluationFigure> compute(int year) {
    List<EvaluationFigure> figures = new ArrayList<>();
    sources.forEach(source -> figures.addAll(source.figures(year)));
    Evaluation evaluation = mapper.findEvaluation(year);
    if (evaluation != null) {
      for (SelfReport report : mapper.findReports(year)) {
        boolean inTime = report.submittedAt() != null && !report.submittedAt().isAfter(evaluation.reportDueAt());
        figures.add(new EvaluationFigure(report.department(), SUBMITTED, "按期提交自评报告",
            inTime ? BigDecimal.ONE : BigDecimal.ZERO,
            EvaluationFigureSource.evidencePath(year, report.department(), SUBMITTED)));
      }
    }
    figures.sort(Comparator.comparing(EvaluationFigure::departmentId).thenComparing(EvaluationFigure::key));
    return figures;
  }

  /** The records behind one figure: the self-report, or what the figure's source says. */
  Optional<List<?>> evidence(int year, String department, String key) {
    if (SUBMITTED.equals(key)) {
      return Optional.of(mapper.findReports(year).stream().filter(r -> r.department().equals(department))
          .map(r -> new SelfReport(r.year(), r.department(), r.taskId(), null, r.submittedBy(), r.submittedAt()))
          .toList());
    }
    return sources.stream().map(s -> s.evidence(year, department, key)).flatMap(Optional::stream).findFirst();
  }

  Optional<Evaluation> find(int year) {
    return Optional.ofNullable(mapper.findEvaluation(year));
  }

  List<EvaluationFigure> storedFigures(int year) {
    return mapper.findFigures(year);
  }

  Map<String, SelfReport> reports(int year) {
    return mapper.findReports(year).stream().collect(Collectors.toMap(SelfReport::department, Function.identity()));
  }

  /** POST publish: records the supervisor and the remarks before the review task is completed for them. */
  void recordReview(int year, String remarks, Caller reviewer) {
    mapper.updateReview(year, remarks, reviewer.userId());
  }

  private Evaluation evaluation(String processInstanceId) {
    Evaluation evaluation = mapper.findByProcessInstance(processInstanceId);
    if (evaluation == null) {
      throw new IllegalStateException("no evaluation for process instance " + processInstanceId);
    }
    return evaluation;
  }

  private static String text(DelegateTask task, String field, boolean required) {
    Object value = task.getVariable(field);
    String text = value == null ? null : StringUtils.stripToNull(value.toString());
    if (text == null && required) {
      throw new FormRejection(field, "自评报告不能为空（R28）");
    }
    if (text != null && text.length() > MAX_TEXT) {
      throw new FormRejection(field, "不能超过 " + MAX_TEXT + " 个字符");
    }
    return text;
  }
}
