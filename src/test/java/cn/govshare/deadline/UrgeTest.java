package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.audit.AuditRecord;
import cn.govshare.audit.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 催办 (issue 23) of the platform's normative check (R12, 3 WD) of a share request: the applicant once half the
 * period has passed, supervisors any time, each once per working day; the holders are told; the case shows it.
 */
@GovShareTest
class UrgeTest {

  @LocalServerPort
  int port;

  @Autowired
  AuditTrail audit;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void applicantUrgesOnceADayAfterHalfThePeriodAndTheHoldersAreTold() {
    // submitted Monday 2025-09-22: the check is due at the end of Thursday 09-25; half of 3 WD passes with 09-24
    at("2025-09-22T10:00");
    long request = submit();
    long deadline = checkDeadline(request);
    ApiClient applicant = ApiClient.as(port, "rsj-applicant");

    at("2025-09-23T10:00");
    ApiClient.Response early = applicant.post("/api/deadlines/" + deadline + "/urge", Map.of());
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().path("urgeAllowedFrom").asText()).isEqualTo("2025-09-25");

    at("2025-09-25T10:00");
    ApiClient.Response urged = applicant.post("/api/deadlines/" + deadline + "/urge", Map.of());
    assertThat(urged.status()).as(urged.text()).isEqualTo(201);
    assertThat(urged.json().path("holders").asText()).isEqualTo("platform-operators");
    ApiClient.Response again = applicant.post("/api/deadlines/" + deadline + "/urge", Map.of());
    assertThat(again.status()).isEqualTo(429);
    assertThat(again.json().path("urgeAllowedFrom").asText()).isEqualTo("2025-09-26");

    JsonNode told = ApiClient.as(port, "operator").get("/api/notifications?refType=deadline&refId=" + deadline).json();
    assertThat(told.findValuesAsText("category")).contains("URGE");
    assertThat(told.findValuesAsText("subject")).anySatisfy(s -> assertThat(s).startsWith("催办: 规范性审查"));
    JsonNode urges = checkRow(request).path("urges");
    assertThat(urges).hasSize(1);
    assertThat(urges.get(0).path("party").asText()).isEqualTo("rsj");
    assertThat(audit.search("rsj", Instant.parse("2025-09-25T00:00:00Z"), Instant.parse("2025-09-26T00:00:00Z"),
        100)).extracting(AuditRecord::action).contains("URGE");
  }

  @Test
  void supervisorsUrgeAtAnyTimeAndAnotherDepartmentNever() {
    at("2025-09-22T10:00");
    long request = submit();
    long deadline = checkDeadline(request);

    ApiClient.Response foreign = ApiClient.as(port, "mzj-applicant").post("/api/deadlines/" + deadline + "/urge",
        Map.of());
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "office").post("/api/deadlines/" + deadline + "/urge", Map.of()).status())
        .isEqualTo(403);
    assertThat(ApiClient.as(port, "supervisor").post("/api/deadlines/" + deadline + "/urge", Map.of()).status())
        .isEqualTo(201);
    assertThat(ApiClient.as(port, "supervisor").post("/api/deadlines/" + deadline + "/urge", Map.of()).status())
        .isEqualTo(429);
    assertThat(checkRow(request).path("urges")).singleElement()
        .satisfies(u -> assertThat(u.path("party").asText()).isEqualTo("supervisors"));
    assertThat(ApiClient.as(port, "supervisor").post("/api/deadlines/999999999/urge", Map.of()).status())
        .isEqualTo(404);
    assertThat(ApiClient.as(port, "rsj-applicant").post("/engine-rest/deadlines/" + deadline + "/urge", Map.of())
        .status()).isEqualTo(404);
  }

  private long submit() {
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/share-requests",
        Map.of("resourceCode", "RK-002", "purpose", "DATA_VERIFICATION", "reason", "核对参保人员户籍变动",
            "systemName", "社会保险业务系统"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  private JsonNode checkRow(long request) {
    JsonNode deadlines = ApiClient.as(port, "rsj-applicant").get("/api/share-requests/" + request).json()
        .path("deadlines");
    return StreamSupport.stream(deadlines.spliterator(), false)
        .filter(d -> d.path("taskDefinitionKey").asText().equals("normativeCheck")).findFirst().orElseThrow();
  }

  private long checkDeadline(long request) {
    return checkRow(request).path("id").asLong();
  }

  private static void at(String local) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(local + ":00+08:00").toInstant()));
  }
}
