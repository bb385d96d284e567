package cn.govshare.evaluation;

import cn.govshare.audit.AuditTrail;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * The only way a year's evaluation changes state (STYLE: cases): a small table, each transition one audit record.
 */
@Component
class EvaluationTransitions {

  /** From, event, to and the rule. */
  enum Event {
    OPENED(null, EvaluationState.REPORTING),
    FIGURES_COMPUTED(EvaluationState.REPORTING, EvaluationState.REVIEW),
    PUBLISHED(EvaluationState.REVIEW, EvaluationState.PUBLISHED);

    final EvaluationState from;
    final EvaluationState to;

    Event(EvaluationState from, EvaluationState to) {
      this.from = from;
      this.to = to;
    }
  }

  private final EvaluationMapper mapper;
  private final AuditTrail audit;

  EvaluationTransitions(EvaluationMapper mapper, AuditTrail audit) {
    this.mapper = mapper;
    this.audit = audit;
  }

  /** Moves the year from the event's state to its next one; refuses anything else. */
  void apply(int year, Event event, String actorUserId, String detail) {
    if (event.from == null || mapper.updateState(year, event.from, event.to) != 1) {
      throw new IllegalStateException("evaluation " + year + ": " + event + " needs state " + event.from
          + "; allowed events " + Arrays.toString(Event.values()));
    }
    audit.record(actorUserId, "EVALUATION_" + event, "EVALUATION", String.valueOf(year), AuditTrail.OK, detail);
  }

  /** The first transition: the row is created in REPORTING. */
  void opened(int year, String detail) {
    audit.record("system", "EVALUATION_" + Event.OPENED, "EVALUATION", String.valueOf(year), AuditTrail.OK, detail);
  }
}
