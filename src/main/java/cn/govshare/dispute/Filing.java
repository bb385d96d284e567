package cn.govshare.dispute;

import java.time.Instant;

/** R19, shaoyang 21(3): the decision to provide NOT_SHARED data, filed (备案) with the body the profile names. */
public record Filing(Long id, Long disputeId, Long requestId, String resourceCode, String decision, String reason,
    String decider, Instant decidedAt, String filedWith, String citation) {
}
