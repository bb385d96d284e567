package cn.govshare.federation.lower;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.Classification;
import cn.govshare.catalog.Delivery;
import cn.govshare.catalog.ResourceItem;
import cn.govshare.catalog.ResourceStatus;
import cn.govshare.catalog.ShareMode;
import cn.govshare.catalog.ShareModeType;
import cn.govshare.catalog.ShareType;
import cn.govshare.catalog.UpdateCycle;
import cn.govshare.federation.api.UpperCatalog;
import cn.govshare.federation.api.UpperCatalogEntry;
import cn.govshare.org.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.apache.commons.lang3.EnumUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R24, nanchang 14, hubei 18: the upper platform's published catalogue in this catalogue, each entry with
 * {@code upper: true}, the upper provider's Chinese name, and the upper platform as responsible department; an
 * entry withdrawn upstream is RETIRED here. Scheduled, and on demand for the platform operator.
 */
@Component
class UpperCatalogSync {

  private static final Logger LOG = LoggerFactory.getLogger(UpperCatalogSync.class);
  static final String CURSOR = "CATALOG";
  private static final int MAX_CODE = 32;

  private final ForwardingMapper mapper;
  private final CatalogService catalog;
  private final ObjectProvider<UpperClient> client;
  private final LowerSettings settings;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  UpperCatalogSync(ForwardingMapper mapper, CatalogService catalog, ObjectProvider<UpperClient> client,
      LowerSettings settings, AuditTrail audit, PlatformTransactionManager transactions, Clock clock) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.client = client;
    this.settings = settings;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${govshare.federation.upper.sync-interval:PT10M}", initialDelay = 5_000)
  void run() {
    if (client.getIfAvailable() != null) {
      try {
        sync();
      } catch (ApiException e) {
        LOG.warn("upper catalogue not synchronised: {}", e.getMessage());
      }
    }
  }

  /** The operator's 同步上级目录 (POST /api/federation/upper-catalog/sync). */
  SyncResult sync(Caller caller) {
    if (!caller.isPlatformOperator()) {
      throw ApiException.forbidden("只有共享平台管理单位可以同步上级平台目录 (R24)");
    }
    SyncResult result = sync();
    audit.record(caller, "UPPER_CATALOG_SYNC", "CATALOG_RESOURCE", null, AuditTrail.OK,
        "同步上级平台目录：" + result.changed() + " 条", java.util.Set.of());
    return result;
  }

  SyncResult sync() {
    UpperClient upper = client.getIfAvailable();
    if (upper == null) {
      throw ApiException.conflict("govshare.federation.upper.url", "未配置上级平台 (govshare.federation.upper.url)");
    }
    return transaction.execute(status -> {
      ForwardingMapper.Cursor cursor = mapper.lockCursor(CURSOR);
      UpperCatalog upperCatalog;
      try {
        upperCatalog = upper.catalog(cursor.cursorAt() == null ? null
            : cursor.cursorAt().minus(settings.pollOverlap()));
      } catch (UpperUnavailable e) {
        mapper.updateCursor(CURSOR, cursor.cursorAt(), clock.instant(), e.getMessage());
        throw ApiException.conflict("upper", "上级平台目录暂不可用：" + e.getMessage());
      }
      int changed = 0;
      for (UpperCatalogEntry entry : upperCatalog.entries()) {
        changed += mirror(upperCatalog, entry) ? 1 : 0;
      }
      mapper.updateCursor(CURSOR, upperCatalog.asOf(), clock.instant(), null);
      return new SyncResult(upperCatalog.platformName(), changed, upperCatalog.asOf());
    });
  }

  private boolean mirror(UpperCatalog upperCatalog, UpperCatalogEntry entry) {
    String code = settings.codePrefix() + entry.code();
    ShareType shareType = EnumUtils.getEnum(ShareType.class, entry.shareType());
    if (code.length() > MAX_CODE || shareType == null) {
      LOG.warn("upper entry {} not mirrored: code too long or unknown share type {}", entry.code(), entry.shareType());
      return false;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<ResourceItem> items = entry.items().stream()
        .map(i -> new ResourceItem(i.name(), Objects.requireNonNullElse(EnumUtils.getEnum(ShareType.class,
            i.shareType()), shareType), i.basic())).toList();
    List<ShareMode> modes = entry.shareModes().stream().map(m -> EnumUtils.getEnum(ShareModeType.class, m))
        .filter(Objects::nonNull).map(m -> new ShareMode(m, Delivery.SYSTEM_DOCKING, "上级平台提供，交付方式以上级平台授权为准", null)).toList();
    UpdateCycle cycle = Objects.requireNonNullElse(EnumUtils.getEnum(UpdateCycle.class, entry.updateCycle()),
        UpdateCycle.MONTHLY);
    String provider = entry.providerName() + "（" + upperCatalog.platformName() + "）";
    CatalogResource resource = new CatalogResource(code, entry.name(), Classification.DEPARTMENT, null,
        settings.providerCode(), "上级平台资源", cycle, shareType, entry.conditions(),
        shareType == ShareType.UNCONDITIONAL ? null : "见上级平台目录", entry.usageRequirements(), false, false,
        false, null, items, modes, entry.published() ? ResourceStatus.PUBLISHED : ResourceStatus.RETIRED,
        entry.version(), now, UpperForwardings.SYSTEM, true, provider);
    try {
      catalog.mirrorUpper(resource, UpperForwardings.SYSTEM);
    } catch (IllegalStateException e) {
      LOG.warn("upper entry {} not mirrored: {}", entry.code(), e.getMessage());
      return false;
    }
    mapper.deleteUpperResource(code);
    mapper.insertUpperResource(code, entry.code(), entry.providerDept(), entry.version(), now);
    return true;
  }

  /** What one synchronisation did. */
  record SyncResult(String upperPlatform, int changed, Instant asOf) {
  }
}
