package cn.govshare.federation.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A grant made at the upper platform for one listed lower department: the lower platform mirrors it with the
 * same scope and validity. {@code grantId} is the upper platform's id (the mirror's source reference).
 *
 * @param status ACTIVE, SUSPENDED, REVOKED, … (the upper grant's status)
 */
public record UpperGrant(long grantId, LowerDepartment department, String resourceCode, List<String> scope,
    String purpose, LocalDate validUntil, String status) {

  public UpperGrant {
    scope = scope == null ? List.of() : List.copyOf(scope);
  }
}
