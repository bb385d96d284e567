package cn.govshare.catalog;

/** One row of the catalogue listing. */
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
    int version) {
}
