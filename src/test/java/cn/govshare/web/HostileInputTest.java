package cn.govshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed and hostile input against every POST and PUT of the product API (R30, issue 11): no 5xx,
 * and a rejected call writes nothing. Endpoints are discovered from the running application, so a
 * new endpoint is covered without touching this test.
 */
@GovShareTest
class HostileInputTest {

  static final int INPUTS = 500;

  @LocalServerPort
  int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    // the clock endpoint may legitimately accept one of the inputs
    ClockUtil.reset();
  }

  @Test
  void hostileInputsNeverCauseServerErrorsAndRejectedCallsWriteNothing() {
    List<String[]> endpoints = writeEndpoints();
    assertThat(endpoints).isNotEmpty();
    List<byte[]> payloads = payloads(new Random(20251001L));
    ApiClient admin = ApiClient.as(port, "admin");
    List<String> serverErrors = new ArrayList<>();
    List<String> writesByRejectedCalls = new ArrayList<>();
    int tried = 0;
    for (int i = 0; i < INPUTS; i++) {
      String[] endpoint = endpoints.get(i % endpoints.size());
      byte[] payload = payloads.get(i % payloads.size());
      Map<String, Long> before = rowCounts();
      ApiClient.Response response = admin.sendBytes(endpoint[0], endpoint[1], payload, "application/json");
      tried++;
      if (response.status() >= 500) {
        serverErrors.add(endpoint[0] + " " + endpoint[1] + " <- " + preview(payload) + " -> " + response);
      }
      if (response.status() >= 400 && response.status() < 500 && !rowCounts().equals(before)) {
        writesByRejectedCalls.add(endpoint[0] + " " + endpoint[1] + " <- " + preview(payload));
      }
    }
    System.out.printf("hostile inputs tried: %d on %d endpoints, 5xx: %d, writes by rejected calls: %d%n", tried,
        endpoints.size(), serverErrors.size(), writesByRejectedCalls.size());
    assertThat(serverErrors).isEmpty();
    assertThat(writesByRejectedCalls).isEmpty();
  }

  private List<String[]> writeEndpoints() {
    Set<String> seen = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (RequestMethod method : info.getMethodsCondition().getMethods()) {
        if (method != RequestMethod.POST && method != RequestMethod.PUT) {
          continue;
        }
        for (String pattern : info.getPatternValues()) {
          if (pattern.startsWith("/api/")) {
            seen.add(method.name() + " " + concrete(pattern));
          }
        }
      }
    }
    return seen.stream().map(s -> s.split(" ", 2)).toList();
  }

  /** Fills path variables with values that exist in the demo data where possible. */
  private static String concrete(String pattern) {
    return pattern.replaceAll("\\{date}", "2025-10-01").replaceAll("\\{year}", "2031")
        .replaceAll("\\{code}", "RK-002").replaceAll("\\{[^}]*}", "1");
  }

  private static List<byte[]> payloads(Random random) {
    List<String> texts = new ArrayList<>(List.of(
        "", "null", "[]", "{}", "\"text\"", "12345", "{\"a\":", "{{{{", "{\"id\":1}",
        "{\"code\":\"'; DROP TABLE gs_department; --\",\"name\":\"x\"}",
        "{\"name\":\"<script>alert(1)</script>\",\"code\":\"<img src=x onerror=alert(1)>\"}",
        "{\"resourceCode\":\"RK-002' OR '1'='1\",\"purpose\":\"WORK_REFERENCE\",\"reason\":\"r\",\"systemName\":\"s\"}",
        "{\"resourceCode\":[\"RK-002\"],\"purpose\":{\"x\":1}}",
        "{\"purpose\":\"NOT_A_PURPOSE\",\"resourceCode\":\"RK-002\",\"reason\":\"r\",\"systemName\":\"s\"}",
        "{\"workingDays\":99999999999999999999,\"start\":\"2025-13-45T99:00:00+08:00\"}",
        "{\"now\":\"+999999999-12-31T23:59:59Z\"}", "{\"now\":\"0000-00-00\"}", "{\"now\":12}",
        "{\"kind\":\"MAKEUP_WORKDAY\",\"name\":\"x\",\"reason\":\"y\"}",
        "{\"holidays\":[{\"name\":\"x\",\"dates\":[\"9999-99-99\"]}],\"workdays\":\"oops\"}",
        "{\"extensionDays\":\"x\",\"description\":\"   \"}",
        "{\"reason\":" + "\"" + "长".repeat(100_000) + "\"}",
        "{\"items\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
        "{\"code\":\"\\u0000\\u0001\",\"name\":\"\\ud800\"}",
        "{\"validUntil\":\"-99999-01-01\",\"dept\":null}"));
    List<byte[]> payloads = new ArrayList<>();
    texts.forEach(t -> payloads.add(t.getBytes(StandardCharsets.UTF_8)));
    payloads.add(new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
    payloads.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 0, 1, 2});
    payloads.add(("{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
    payloads.add(("{\"name\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 20; i++) {
      byte[] noise = new byte[1 + random.nextInt(300)];
      random.nextBytes(noise);
      payloads.add(noise);
    }
    return payloads;
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> tables = jdbc.queryForList(
        "SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) LIKE 'gs\\_%' ESCAPE '\\' "
            + "AND LOWER(table_name) NOT IN ('gs_audit', 'gs_audit_head', 'gs_schema_history') "
            + "AND table_schema = SCHEMA()", String.class);
    for (String table : tables) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    counts.put("ACT_RU_EXECUTION", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION", Long.class));
    return counts;
  }

  private static String preview(byte[] payload) {
    String text = new String(payload, 0, Math.min(payload.length, 80), StandardCharsets.UTF_8);
    return text + (payload.length > 80 ? "…(" + payload.length + " bytes)" : "");
  }
}
