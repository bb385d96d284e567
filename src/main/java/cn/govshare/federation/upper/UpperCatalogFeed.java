package cn.govshare.federation.upper;

import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.ResourceItem;
import cn.govshare.catalog.ShareMode;
import cn.govshare.federation.api.UpperCatalog;
import cn.govshare.federation.api.UpperCatalogEntry;
import cn.govshare.federation.api.UpperCatalogItem;
import cn.govshare.org.DepartmentService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R24: the catalogue as lower platforms synchronise it — every published entry, or every entry (withdrawn ones
 * included, never drafts) changed since the caller's cursor, each with its provider's name here.
 */
@Service
class UpperCatalogFeed {

  private final UpperMapper mapper;
  private final CatalogService catalog;
  private final DepartmentService departments;
  private final Clock clock;
  private final String platformCode;
  private final String platformName;

  UpperCatalogFeed(UpperMapper mapper, CatalogService catalog, DepartmentService departments, Clock clock,
      @Value("${govshare.federation.platform.code:govshare}") String platformCode,
      @Value("${govshare.federation.platform.name:政务数据共享平台}") String platformName) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.departments = departments;
    this.clock = clock;
    this.platformCode = platformCode;
    this.platformName = platformName;
  }

  @Transactional(readOnly = true)
  UpperCatalog since(Instant changedSince) {
    // taken before reading: a change made while we read is sent again next time rather than missed
    Instant asOf = clock.instant();
    List<UpperCatalogEntry> entries = mapper.findCatalogCodes(changedSince).stream().map(catalog::find)
        .flatMap(Optional::stream).map(this::entry).toList();
    return new UpperCatalog(platformCode, platformName, asOf, entries);
  }

  private UpperCatalogEntry entry(CatalogResource resource) {
    String provider = resource.responsibleDepartment();
    return new UpperCatalogEntry(resource.code(), resource.name(), provider,
        departments.nameOf(provider), resource.shareType().name(),
        resource.shareType().label(), resource.shareModes().stream().map(ShareMode::type).map(Enum::name).toList(),
        resource.items().stream().map(item -> item(resource, item)).toList(), resource.updateCycle().name(),
        resource.conditions(), resource.usageRequirements(), resource.isPublished(), resource.version(),
        resource.updatedAt());
  }

  private static UpperCatalogItem item(CatalogResource resource, ResourceItem item) {
    return new UpperCatalogItem(item.name(),
        (item.shareType() == null ? resource.shareType() : item.shareType()).name(), item.basic());
  }
}
