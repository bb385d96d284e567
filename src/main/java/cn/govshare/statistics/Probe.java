package cn.govshare.statistics;

import java.time.Instant;

/** R27: one health probe of a resource's service: up (answered 2xx/3xx in time) or down, and why. */
public record Probe(String resourceCode, String providerDept, Instant probedAt, boolean up, String detail) {
}
