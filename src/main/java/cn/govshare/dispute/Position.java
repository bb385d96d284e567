package cn.govshare.dispute;

import java.time.Instant;

/**
 * One party's own position in negotiation (R18): the party and its role come from the dispute record when
 * the task is created; position, actor and time are that party's act. Position null: not (yet) stated.
 */
public record Position(Long id, Long disputeId, String taskId, String party, PartyRole role, Stance position,
    String comment, String actorUser, String actorDept, Instant at) {

  /** Who a negotiator is to the dispute. */
  public enum PartyRole {
    APPLICANT, PROVIDER, PLATFORM
  }

  /** What a party says: agreed to share, agreed not to share, data verified consistent, or no agreement. */
  public enum Stance {
    SHARE, NOT_SHARE, CONSISTENT, NO_AGREEMENT
  }
}
