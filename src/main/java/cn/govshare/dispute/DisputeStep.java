package cn.govshare.dispute;

import java.time.Instant;

/** One act in a dispute: who (user, department, body) did what, when, and the article it rests on. */
public record DisputeStep(Long id, Long disputeId, String step, String name, String actorUser, String actorDept,
    Instant at, String outcome, String comment, String body, String citation) {
}
