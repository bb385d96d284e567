package cn.govshare.evaluation;

import java.time.Instant;

/** A department's self-report for the year (county 19, jinan 19), bound to its task by GovShare's own row. */
public record SelfReport(int year, String department, String taskId, String report, String submittedBy,
    Instant submittedAt) {
}
