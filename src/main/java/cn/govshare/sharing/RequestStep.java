package cn.govshare.sharing;

import java.time.Instant;

/** One thing that happened to a request: a decision, a grant, a notice to the applicant (R14). */
public record RequestStep(Long id, Long requestId, String step, String name, String actorUser, String actorName,
    String actorDept, Instant at, String outcome, String comment, String taskId) {
}
