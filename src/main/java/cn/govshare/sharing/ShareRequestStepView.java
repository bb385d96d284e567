package cn.govshare.sharing;

import cn.govshare.deadline.DeadlineView;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A step of a request with the deadline that ran while it was taken (rule, article, due date as
 * "2026年12月3日（星期四）前", provisional when counted without a year's holiday data); no deadline fields for
 * untimed steps.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ShareRequestStepView(String step, String name, String actorUser, String actorName, String actorDept,
    Instant at, String outcome, String outcomeLabel, String comment, String rule, String citation, LocalDate dueDate,
    Instant dueAt, String dueText, Boolean provisional, String provisionalReason, String deadlineState,
    String deadlineStateLabel) {

  static ShareRequestStepView of(RequestStep step, DeadlineView deadline) {
    boolean timed = deadline != null;
    return new ShareRequestStepView(step.step(), step.name(), step.actorUser(), step.actorName(), step.actorDept(),
        step.at(), step.outcome(), RequestStatus.labelOf(step.outcome()), step.comment(),
        timed ? deadline.rule() : null, timed ? deadline.citation() : null, timed ? deadline.dueDate() : null,
        timed ? deadline.dueAt() : null, timed ? deadline.dueText() : null, timed ? deadline.provisional() : null,
        timed ? deadline.provisionalReason() : null, timed ? deadline.state() : null,
        timed ? deadline.stateLabel() : null);
  }
}
