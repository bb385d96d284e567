package cn.govshare.dispute;

import java.time.Instant;

public record DisputeStep(Long id, Long disputeId, String step, String name, String actorUser, String actorDept,
    Instant at, String outcome, String comment) {
}
