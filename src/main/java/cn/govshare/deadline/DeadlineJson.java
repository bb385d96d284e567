package cn.govshare.deadline;

import cn.govshare.policy.LimitUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A ledger row as the REST API shows it. {@code limit} reads "10个工作日", "1个月" or "未规定";
 * {@code elapsedWorkingDays} is counted on read (to completion, or to today while open).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeadlineJson(long id, String processInstanceId, String processDefinitionKey, String businessKey,
    String taskId, String taskDefinitionKey, String taskName, String department, String candidateGroups, String rule,
    String profile, String step, String citation, String limit, boolean limitSpecified, int extensionDays,
    Instant startedAt, LocalDate dueDate, Instant dueAt, String dueText, boolean provisional, String provisionalReason,
    Instant remindAt, String state, String stateLabel, boolean fallback,
    Instant remindedAt, Instant breachedAt, String breachMessage, String incidentId, Instant completedAt,
    String completedBy, Integer workingDaysOverdue, Integer elapsedWorkingDays, List<DeadlineChange> changes) {

  static DeadlineJson of(DeadlineRecord d, DueWording wording, int elapsedWorkingDays, List<DeadlineChange> changes) {
    return new DeadlineJson(d.id(), d.processInstanceId(), d.processDefinitionKey(), d.businessKey(), d.taskId(),
        d.taskDefinitionKey(), d.taskName(), d.department(), d.candidateGroups(), d.rule(), d.profile(), d.step(),
        d.citation(), limitText(d), d.limitSpecified(), d.extensionDays(), d.startedAt(), d.dueDate(), d.dueAt(),
        wording.dueText(), wording.provisional(), wording.provisionalReason(), d.remindAt(), d.state(),
        DeadlineState.valueOf(d.state()).label(), d.fallback(), d.remindedAt(), d.breachedAt(),
        d.breachedAt() == null ? null : DeadlineLedger.message(d), d.incidentId(), d.completedAt(), d.completedBy(),
        d.workingDaysOverdue(), elapsedWorkingDays, changes);
  }

  private static String limitText(DeadlineRecord d) {
    int amount = d.limitAmount() + d.extensionDays();
    return switch (LimitUnit.valueOf(d.limitUnit())) {
      case NONE -> "未规定";
      case WORKING_DAYS -> amount + "个工作日";
      case MONTHS -> d.limitAmount() + "个月" + (d.extensionDays() > 0 ? "+" + d.extensionDays() + "个工作日" : "");
      case YEARS -> d.limitAmount() + "年";
    };
  }
}
