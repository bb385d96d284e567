package cn.govshare.correction;

import java.time.Instant;

public record CorrectionStep(Long id, Long correctionId, String step, String name, String actorUser, String actorDept,
    Instant at, String outcome, String comment) {
}
