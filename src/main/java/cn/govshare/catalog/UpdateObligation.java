package cn.govshare.catalog;

import java.time.Instant;

/** R6: a department must update its catalogue after a law or its duties changed. */
public record UpdateObligation(
    Long id,
    String department,
    String legalChange,
    String state,
    String createdBy,
    Instant createdAt,
    String processInstanceId,
    String resourceCode,
    Instant fulfilledAt) {

  static final String OPEN = "OPEN";
}
