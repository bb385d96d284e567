package cn.govshare.statistics;

import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.HealthCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * R27: probes every published service API that declares a health URL, every
 * {@code govshare.statistics.probe-interval}, and records up or down per resource (up only when every health URL
 * of the resource answered 2xx or 3xx within {@code govshare.statistics.probe-timeout}).
 */
@Component
class HealthProbe {

  private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);

  private final CatalogService catalog;
  private final StatisticsMapper mapper;
  private final Clock clock;
  private final Duration timeout;
  private final HttpClient http;

  HealthProbe(CatalogService catalog, StatisticsMapper mapper, Clock clock,
      @Value("${govshare.statistics.probe-timeout}") Duration timeout) {
    this.catalog = catalog;
    this.mapper = mapper;
    this.clock = clock;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Scheduled(fixedDelayString = "${govshare.statistics.probe-interval}",
      initialDelayString = "${govshare.statistics.probe-interval}")
  void probeAll() {
    Map<String, List<HealthCheck>> byResource = catalog.healthChecks().stream()
        .collect(Collectors.groupingBy(HealthCheck::resourceCode, LinkedHashMap::new, Collectors.toList()));
    byResource.values().forEach(this::probe);
  }

  private void probe(List<HealthCheck> checks) {
    String failure = null;
    for (HealthCheck check : checks) {
      String answer = answer(check.url());
      if (answer != null && failure == null) {
        failure = answer;
      }
    }
    HealthCheck first = checks.get(0);
    mapper.insertProbe(new Probe(first.resourceCode(), first.providerDept(), clock.instant(), failure == null,
        failure == null ? "OK" : StringUtils.abbreviate(failure, 255)));
  }

  /** null when the URL answered 2xx or 3xx in time, else why not. */
  private String answer(String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status < 400 ? null : "HTTP " + status;
    } catch (IOException | IllegalArgumentException e) {
      LOG.info("health probe {} failed: {}", url, e.toString());
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
