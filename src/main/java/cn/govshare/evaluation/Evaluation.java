package cn.govshare.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One year's evaluation (R28): the year evaluated, the process that runs it, when self-reports are due (the
 * profile's date, counted on the calendar, with its citation), the supervisor's remarks and the publication.
 */
public record Evaluation(int year, EvaluationState state, String processInstanceId, Instant openedAt,
    LocalDate reportDueDate, Instant reportDueAt, String reportDueCitation, String remarks, String reviewedBy,
    Instant publishedAt) {
}
