package cn.govshare.catalog;

/** One row of the catalogue listing; {@code upper}: an upper platform's resource and its provider's name (R24). */
public record CatalogSummary(
    String code,
    String name,
    Classification classification,
    BasicKind basicKind,
    String responsibleDepartment,
    String format,
    UpdateCycle updateCycle,
    ShareType shareType,
    boolean openToPublic,
    boolean controlledParameters,
    ResourceStatus status,
    int version,
    boolean upper,
    String upperProvider) {
}
