package cn.govshare.statistics;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.org.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R27: availability of each shared resource from the health probes and the outages its provider reported. */
@Service
class AvailabilityStatistics {

  static final int MAX_REASON = 2000;

  private final StatisticsMapper mapper;
  private final CatalogService catalog;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration maxGap;

  AvailabilityStatistics(StatisticsMapper mapper, CatalogService catalog, AuditTrail audit, Clock clock,
      @Value("${govshare.statistics.probe-interval}") Duration probeInterval) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.audit = audit;
    this.clock = clock;
    this.maxGap = probeInterval.multipliedBy(2);
  }

  /** One resource in the window: seconds observed and up, the rate (null when nothing was observed), outages. */
  record Row(String resourceCode, String providerDept, long observedSeconds, long upSeconds, Double availability,
      List<Outage> outages) {
  }

  /** {@code provider}: only that department's resources; null: all. Time after now is not observed yet. */
  List<Row> rows(StatisticsWindow window, String provider, String resource) {
    Instant from = window.start();
    Instant now = clock.instant();
    Instant to = window.end().isAfter(now) ? now : window.end();
    if (!from.isBefore(to)) {
      return List.of();
    }
    List<String> resources = resource != null ? List.of(resource) : mapper.observedResources(from, to);
    return resources.stream().map(code -> row(code, from, to))
        .filter(row -> row.observedSeconds() > 0 || resource != null)
        .filter(row -> provider == null || provider.equals(row.providerDept())).toList();
  }

  private Row row(String code, Instant from, Instant to) {
    List<Probe> probes = mapper.findProbes(code, from, to);
    List<Outage> outages = mapper.findOutages(code, from, to);
    Availability.Result result = Availability.compute(probes, outages, from, to, maxGap);
    String provider = catalog.find(code).map(CatalogResource::responsibleDepartment)
        .orElse(probes.isEmpty() ? null : probes.get(0).providerDept());
    return new Row(code, provider, result.observedSeconds(), result.upSeconds(), result.rate(), outages);
  }

  /** R27: the providing department reports an outage of its resource's service; audited. */
  @Transactional
  Outage reportOutage(Caller caller, String resourceCode, Instant startedAt, Instant endedAt, String reason) {
    if (StringUtils.isBlank(resourceCode)) {
      throw ApiException.badRequest("resource", "须填写资源代码");
    }
    CatalogResource resource = catalog.find(resourceCode.strip())
        .orElseThrow(() -> ApiException.badRequest("resource", "资源目录中没有 " + resourceCode.strip()));
    if (!caller.belongsTo(resource.responsibleDepartment())) {
      throw ApiException.forbidden("只有提供部门可以报告本部门资源的服务中断");
    }
    if (startedAt == null) {
      throw ApiException.badRequest("from", "须填写中断开始时间");
    }
    if (endedAt == null || !endedAt.isAfter(startedAt)) {
      throw ApiException.badRequest("to", "中断结束时间须晚于开始时间");
    }
    if (StringUtils.isBlank(reason)) {
      throw ApiException.badRequest("reason", "须说明中断原因");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw ApiException.badRequest("reason", "不能超过 " + MAX_REASON + " 个字符");
    }
    Outage outage = new Outage(null, resource.code(), resource.responsibleDepartment(), startedAt, endedAt,
        reason.strip(), caller.userId(), clock.instant());
    GeneratedKey key = new GeneratedKey();
    mapper.insertOutage(outage, key);
    audit.record(caller, "OUTAGE_REPORTED", "RESOURCE", resource.code(), AuditTrail.OK,
        startedAt + " – " + endedAt + "：" + reason.strip(), Set.of(resource.responsibleDepartment()));
    return new Outage(key.getId(), outage.resourceCode(), outage.providerDept(), startedAt, endedAt,
        outage.reason(), outage.reportedBy(), outage.reportedAt());
  }
}
