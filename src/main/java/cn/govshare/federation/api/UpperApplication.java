package cn.govshare.federation.api;

import java.time.Instant;
import java.util.List;

/**
 * An application at the upper platform as its lower platform sees it: the answer to POST (201, or 200 for a
 * repeated forwarding), GET by id, and each element of the poll. {@code answer} is null until decided;
 * {@code grants} is empty unless approved; {@code changedAt} moves with every change the poll reports.
 *
 * @param id the upper platform's id (use it for GET)
 * @param reference the upper platform's business key, e.g. SR-20251009-000042
 * @param lowerReference the lower platform's own reference, as forwarded
 */
public record UpperApplication(long id, String reference, String lowerReference, String resourceCode,
    boolean bulk, List<LowerDepartment> departments, UpperStatus status, String statusLabel, Instant receivedAt,
    Instant changedAt, List<UpperDeadline> deadlines, UpperAnswer answer, List<UpperGrant> grants) {

  public UpperApplication {
    departments = departments == null ? List.of() : List.copyOf(departments);
    deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    grants = grants == null ? List.of() : List.copyOf(grants);
  }
}
