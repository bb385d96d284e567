package cn.govshare.federation.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The upper platform's answer: approved or not, the reason (R13: a refusal gives one), and for an approval the
 * scope (item names; empty = every item), purpose and validity granted.
 */
public record UpperAnswer(boolean approved, String reason, List<String> scope, String purpose, LocalDate validUntil,
    Instant decidedAt) {

  public UpperAnswer {
    scope = scope == null ? List.of() : List.copyOf(scope);
  }
}
