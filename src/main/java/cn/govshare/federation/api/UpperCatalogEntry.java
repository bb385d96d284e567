package cn.govshare.federation.api;

import java.time.Instant;
import java.util.List;

/**
 * A resource of the upper platform's catalogue as a lower platform sees it: the upper provider is named by
 * its code at the upper platform and its Chinese name. {@code published} false means withdrawn since the last
 * synchronisation (the lower side stops offering it); {@code version} and {@code updatedAt} grow with each
 * change, so a lower platform syncs with {@code ?changedSince=} the last {@link UpperCatalog#asOf()}.
 *
 * @param shareType UNCONDITIONAL, CONDITIONAL or NOT_SHARED (R1)
 * @param shareModes the share mode types (R9), e.g. API, FILE
 * @param updateCycle the update cycle name (R8), e.g. DAILY
 */
public record UpperCatalogEntry(String code, String name, String providerDept, String providerName,
    String shareType, String shareTypeLabel, List<String> shareModes, List<UpperCatalogItem> items,
    String updateCycle, String conditions, String usageRequirements, boolean published, int version,
    Instant updatedAt) {

  public UpperCatalogEntry {
    shareModes = shareModes == null ? List.of() : List.copyOf(shareModes);
    items = items == null ? List.of() : List.copyOf(items);
  }
}
