package cn.govshare.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A catalogue entry (政务信息资源目录) as R5 requires it: classification, responsible department,
 * format, items, update cycle (R8), share type with conditions and legal basis (R1), share modes (R9),
 * usage requirements; plus open-to-public (R4), licensing-related (R3), controlled parameters (R15)
 * and the provider's description of an offline application (R16). {@code upper}: an upper platform's resource
 * synchronised from its published catalogue (R24), {@code upperProvider} the upper provider's Chinese name.
 */
public record CatalogResource(
    String code,
    String name,
    Classification classification,
    BasicKind basicKind,
    String responsibleDepartment,
    String format,
    UpdateCycle updateCycle,
    ShareType shareType,
    String conditions,
    String legalBasis,
    String usageRequirements,
    boolean openToPublic,
    boolean licensingRelated,
    boolean controlledParameters,
    String offlineApplication,
    List<ResourceItem> items,
    List<ShareMode> shareModes,
    ResourceStatus status,
    int version,
    Instant updatedAt,
    String updatedBy,
    boolean upper,
    String upperProvider) {

  public CatalogResource {
    items = List.copyOf(items);
    shareModes = List.copyOf(shareModes);
  }

  public boolean isPublished() {
    return status == ResourceStatus.PUBLISHED;
  }

  /** R16: an offline application is possible only where the provider described it. */
  public boolean allowsOfflineApplication() {
    return offlineApplication != null && !offlineApplication.isBlank();
  }

  CatalogResource with(ResourceStatus newStatus, int newVersion, Instant at, String by) {
    return new CatalogResource(code, name, classification, basicKind, responsibleDepartment, format, updateCycle,
        shareType, conditions, legalBasis, usageRequirements, openToPublic, licensingRelated, controlledParameters,
        offlineApplication, items, shareModes, newStatus, newVersion, at, by, upper, upperProvider);
  }
}
