package cn.govshare.statistics;

import java.time.Instant;

/** R27: an outage of a shared resource reported by its providing department. */
public record Outage(Long id, String resourceCode, String providerDept, Instant startedAt, Instant endedAt,
    String reason, String reportedBy, Instant reportedAt) {
}
