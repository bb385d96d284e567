package cn.govshare.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A year's evaluation as one caller may see it. {@code provisional}: not computed for review yet, the figures are
 * what the records say now. {@code rows}: every department for supervisors and the general office (and for every
 * department once published), else only the caller's own.
 */
record EvaluationView(int year, EvaluationState state, boolean provisional, LocalDate reportDueDate,
    String reportDueCitation, String remarks, String reviewedBy, Instant publishedAt, List<Row> rows) {

  /** One department: its self-report (text only for itself, supervisors and the office) and its figures. */
  record Row(String department, String departmentName, Instant reportSubmittedAt, String report,
      List<EvaluationFigure> figures) {
  }
}
