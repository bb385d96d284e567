package cn.govshare.federation.api;

import java.time.Instant;
import java.util.List;

/**
 * GET /api/federation/v1/catalog: the upper platform's code and name, the entries changed since the
 * caller's cursor (all when none), and {@code asOf}, the upper platform's own time to pass as the next
 * {@code changedSince} (so the two platforms' clocks never need to agree).
 */
public record UpperCatalog(String platformCode, String platformName, Instant asOf, List<UpperCatalogEntry> entries) {

  public UpperCatalog {
    entries = List.copyOf(entries);
  }
}
