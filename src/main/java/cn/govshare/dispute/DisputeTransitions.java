package cn.govshare.dispute;

import static cn.govshare.dispute.DisputeStatus.CANCELLED;
import static cn.govshare.dispute.DisputeStatus.COORDINATING;
import static cn.govshare.dispute.DisputeStatus.DECIDING;
import static cn.govshare.dispute.DisputeStatus.NOT_SHARE;
import static cn.govshare.dispute.DisputeStatus.OPEN;
import static cn.govshare.dispute.DisputeStatus.RESOLVED;
import static cn.govshare.dispute.DisputeStatus.SHARE;
import static cn.govshare.dispute.DisputeStatus.UNRESOLVED;

import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.org.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Component;

/**
 * The one place a dispute's status changes (STYLE: cases; issue 19): a transition table (from, event, to, rule)
 * that refuses anything else, each transition one audit record. Nothing else writes {@code gs_dispute.status}.
 */
@Component
class DisputeTransitions {

  /** What happened to a dispute. */
  enum Event {
    /** All negotiators stated the same outcome; a SHARE needs the provider's own SHARE (R18, shaoyang 21(3)). */
    AGREED_SHARE, AGREED_NOT_SHARE, AGREED_CONSISTENT,
    /** Negotiation or coordination failed and the text names a next body. */
    TO_COORDINATION, TO_DECISION,
    /** Negotiation failed and the text names no further body (hubei 17 ¶3). */
    NO_FURTHER_STEP,
    DECIDED_SHARE, DECIDED_NOT_SHARE, DECIDED_RESOLVED,
    /** The process ended (e.g. deleted by an administrator) before the dispute was decided. */
    PROCESS_ENDED
  }

  record Transition(DisputeStatus from, Event event, DisputeStatus to, String rule, boolean requestOnly,
      boolean conflictOnly) {
  }

  static final List<Transition> TABLE = List.of(
      new Transition(OPEN, Event.AGREED_SHARE, SHARE, "R18", true, false),
      new Transition(OPEN, Event.AGREED_NOT_SHARE, NOT_SHARE, "R18", true, false),
      new Transition(OPEN, Event.AGREED_CONSISTENT, RESOLVED, "R23", false, true),
      new Transition(OPEN, Event.TO_COORDINATION, COORDINATING, "R18/R23", false, false),
      new Transition(OPEN, Event.TO_DECISION, DECIDING, "R18", true, false),
      new Transition(OPEN, Event.NO_FURTHER_STEP, UNRESOLVED, "R23", false, true),
      new Transition(COORDINATING, Event.TO_DECISION, DECIDING, "R18", true, false),
      new Transition(COORDINATING, Event.DECIDED_SHARE, SHARE, "R18", true, false),
      new Transition(COORDINATING, Event.DECIDED_NOT_SHARE, NOT_SHARE, "R18", true, false),
      new Transition(COORDINATING, Event.DECIDED_RESOLVED, RESOLVED, "R23", false, true),
      new Transition(DECIDING, Event.DECIDED_SHARE, SHARE, "R18", true, false),
      new Transition(DECIDING, Event.DECIDED_NOT_SHARE, NOT_SHARE, "R18", true, false),
      new Transition(OPEN, Event.PROCESS_ENDED, CANCELLED, "R18/R23", false, false),
      new Transition(COORDINATING, Event.PROCESS_ENDED, CANCELLED, "R18/R23", false, false),
      new Transition(DECIDING, Event.PROCESS_ENDED, CANCELLED, "R18/R23", false, false));

  /** gs_dispute.outcome_reason: a reason composed from the parties' own texts is shortened for the record only. */
  static final int REASON_COLUMN = 2000;

  private final DisputeMapper mapper;
  private final AuditTrail audit;
  private final Clock clock;

  DisputeTransitions(DisputeMapper mapper, AuditTrail audit, Clock clock) {
    this.mapper = mapper;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates the dispute OPEN (the only insert) and records it. */
  long open(Dispute dispute, Caller actor) {
    if (dispute.status() != OPEN) {
      throw new IllegalStateException("a dispute starts OPEN, not " + dispute.status());
    }
    GeneratedKey key = new GeneratedKey();
    mapper.insert(dispute, key);
    long id = key.getId();
    audit.record(actor, "DISPUTE_OPENED", "DISPUTE", String.valueOf(id), AuditTrail.OK,
        dispute.kind() + "：" + dispute.resourceCode() + "（R18/R23，依据 " + dispute.policyProfile() + "）",
        parties(dispute));
    return id;
  }

  /**
   * Applies {@code event} to the dispute as it stands in the table, or refuses (IllegalStateException: a
   * process or programming error, never a user's input). {@code reason}: kept when the dispute closes.
   */
  DisputeStatus apply(Dispute dispute, Event event, Caller actor, String reason) {
    Transition transition = find(dispute, event);
    boolean closing = transition.to().closed();
    int changed = mapper.transition(dispute.id(), transition.from(), transition.to(),
        closing ? StringUtils.abbreviate(reason, REASON_COLUMN) : null,
        closing ? actor.userId() : null, closing ? clock.instant() : null);
    if (changed != 1) {
      throw new IllegalStateException("dispute " + dispute.id() + " is no longer " + transition.from());
    }
    audit.record(actor, "DISPUTE_" + transition.to().name(), "DISPUTE", String.valueOf(dispute.id()), AuditTrail.OK,
        transition.from() + " —" + event + "→ " + transition.to() + "（" + transition.rule() + "）"
            + (reason == null ? "" : "：" + reason), parties(dispute));
    return transition.to();
  }

  static Transition find(Dispute dispute, Event event) {
    boolean conflict = dispute.kind() == DisputeKind.DATA_CONFLICT;
    return TABLE.stream()
        .filter(t -> t.from() == dispute.status() && t.event() == event)
        .filter(t -> !(t.requestOnly() && conflict) && !(t.conflictOnly() && !conflict))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("dispute " + dispute.id() + " (" + dispute.kind() + ", "
            + dispute.status() + "): transition " + event + " is not allowed"));
  }

  private static Set<String> parties(Dispute dispute) {
    return Set.of(dispute.partyA(), dispute.partyB());
  }
}
