package cn.govshare.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * GET /api/catalog/resources/{code}: the entry as users see it, its latest submission to the platform,
 * the edited revision waiting for review or its effective date (R7), and open doubts (R22).
 */
record CatalogView(
    @JsonUnwrapped CatalogResource resource,
    CatalogChange latestChange,
    CatalogResource pendingRevision,
    List<OpenCorrection> openCorrections) {
}
