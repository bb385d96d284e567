package cn.govshare.catalog;

import java.util.List;

/**
 * The body of POST and PUT /api/catalog/resources: a whole entry. Item share types may be left out
 * and then follow the entry's; booleans left out are false.
 */
record ResourceInput(
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
    Boolean openToPublic,
    Boolean licensingRelated,
    Boolean controlledParameters,
    String offlineApplication,
    List<ItemInput> items,
    List<ShareMode> shareModes) {

  record ItemInput(String name, ShareType shareType, Boolean basic) {
  }
}
