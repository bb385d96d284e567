package cn.govshare.federation.lower;

import cn.govshare.federation.api.FederationPaths;
import cn.govshare.federation.api.ForwardedApplication;
import cn.govshare.federation.api.UpperApplication;
import cn.govshare.federation.api.UpperApplications;
import cn.govshare.federation.api.UpperCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.commons.lang3.StringUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Wire API v1 as the lower platform calls it (docs/federation.md): HTTP Basic with this platform's service account
 * at the upper platform. Any failure — refused connection, timeout, an error status — is {@link UpperUnavailable};
 * the caller keeps what it was doing and tries again. Answers are read leniently (a field added upstream in v1 is
 * ignored), so the upper platform can grow without breaking its lower platforms.
 */
class UpperClient {

  private static final int MAX_ERROR = 900;

  private final RestClient http;
  private final ObjectMapper json;

  UpperClient(LowerSettings settings, ObjectMapper objectMapper) {
    this.json = objectMapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .connectTimeout(settings.timeout()).build());
    requests.setReadTimeout(settings.timeout());
    String credentials = Base64.getEncoder().encodeToString(
        (settings.user() + ":" + StringUtils.defaultString(settings.password())).getBytes(StandardCharsets.UTF_8));
    this.http = RestClient.builder().requestFactory(requests).baseUrl(StringUtils.removeEnd(settings.url(), "/"))
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
        .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE).build();
  }

  UpperCatalog catalog(Instant changedSince) throws UpperUnavailable {
    return read(get(FederationPaths.CATALOG, changedSince), UpperCatalog.class);
  }

  UpperApplications changedSince(Instant changedSince) throws UpperUnavailable {
    return read(get(FederationPaths.APPLICATIONS, changedSince), UpperApplications.class);
  }

  /** POST with the forwarding's idempotency key: 201 the first time, 200 with the same application on a repeat. */
  UpperApplication forward(String idempotencyKey, ForwardedApplication application) throws UpperUnavailable {
    try {
      String body = http.post().uri(FederationPaths.APPLICATIONS).contentType(MediaType.APPLICATION_JSON)
          .header(FederationPaths.IDEMPOTENCY_KEY, idempotencyKey).body(json.writeValueAsString(application))
          .retrieve().body(String.class);
      return read(body, UpperApplication.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (RestClientResponseException e) {
      throw failed(e);
    } catch (RestClientException e) {
      throw new UpperUnavailable(StringUtils.abbreviate("上级平台无法连接：" + e.getMessage(), MAX_ERROR));
    }
  }

  private String get(String path, Instant changedSince) throws UpperUnavailable {
    String uri = UriComponentsBuilder.fromPath(path)
        .queryParamIfPresent("changedSince", java.util.Optional.ofNullable(changedSince).map(Instant::toString))
        .build().encode().toUriString();
    try {
      return http.get().uri(uri).retrieve().body(String.class);
    } catch (RestClientResponseException e) {
      throw failed(e);
    } catch (RestClientException e) {
      throw new UpperUnavailable(StringUtils.abbreviate("上级平台无法连接：" + e.getMessage(), MAX_ERROR));
    }
  }

  private <T> T read(String body, Class<T> type) throws UpperUnavailable {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UpperUnavailable(StringUtils.abbreviate("上级平台的答复无法识别：" + e.getMessage(), MAX_ERROR));
    }
  }

  private static UpperUnavailable failed(RestClientResponseException e) {
    return new UpperUnavailable(StringUtils.abbreviate("上级平台答复 " + e.getStatusCode().value() + "："
        + e.getResponseBodyAsString(StandardCharsets.UTF_8), MAX_ERROR));
  }
}
