package cn.govshare.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R28: an evaluation of a seeded year (2019, used by this test only) for the demo department mzj 市民政局,
 * checked against figures computed by hand. The records are written as the features would have written them.
 */
@GovShareTest
class EvaluationSeededYearTest {

  private static final String DEPT = "mzj";

  @LocalServerPort
  int port;

  @BeforeAll
  static void seed(@Autowired JdbcTemplate jdbc) {
    // Provider answers (R13) in the deadline ledger, limit 10 WD, counted on the 2019 calendar:
    // d1 received Mon 03-04, answered Wed 03-06: 03-05, 03-06 = 2 WD, due 03-18: MET
    deadline(jdbc, "2019-03-04T10:00:00+08:00", "2019-03-06T16:00:00+08:00", true, "MET", null, 2);
    // d2 received Fri 09-27, answered Wed 10-09: Sun 09-29 (调休上班), Mon 09-30, 10-08, 10-09 (10-01..07 国庆) = 4 WD: MET
    deadline(jdbc, "2019-09-27T10:00:00+08:00", "2019-10-09T10:00:00+08:00", true, "MET", null, 4);
    // d3 received Mon 05-06, answered Fri 05-24: 05-07..10 (4), 05-13..17 (5), 05-20..24 (5) = 14 WD; due end of
    // 05-20 (the 10th WD), breached 05-21 00:00, completed late: LATE
    deadline(jdbc, "2019-05-06T10:00:00+08:00", "2019-05-24T10:00:00+08:00", true, "LATE",
        "2019-05-21T00:00:00+08:00", 14);
    // d4 received Mon 07-01, answered Mon 07-08: 07-02..05 (4), 07-08 = 5 WD: MET
    deadline(jdbc, "2019-07-01T10:00:00+08:00", "2019-07-08T10:00:00+08:00", true, "MET", null, 5);
    // d5 a step without a limit (未规定): counted as handled and in the median, not in the on-time rate; 3 WD
    deadline(jdbc, "2019-07-29T10:00:00+08:00", "2019-08-01T10:00:00+08:00", false, "MET", null, 3);
    // d6 answered on 2020-01-02: another year
    deadline(jdbc, "2019-12-30T10:00:00+08:00", "2020-01-02T10:00:00+08:00", true, "MET", null, 2);
    // Expected for mzj in 2019: handled 5 (d1..d5); timed 4 (d1..d4), met 3 (d1, d2, d4) → on-time rate 3/4 = 0.75;
    // working days [2, 4, 14, 5, 3] sorted [2, 3, 4, 5, 14] → median 4; breaches raised in 2019: 1 (d3)

    // The providers' answers as the request steps record them: two agreed, one refused with its grounds
    answer(jdbc, "SR-2019-EVAL-1", "2019-03-06T16:00:00+08:00", "同意共享", "同意");
    answer(jdbc, "SR-2019-EVAL-2", "2019-05-24T10:00:00+08:00", "不予共享", "涉及个人隐私，依据《统计法》第三十九条不予提供");
    answer(jdbc, "SR-2019-EVAL-3", "2019-10-09T10:00:00+08:00", "同意共享", "同意");

    // A correction reported in 2019 and closed (corrected) in 2020: received in 2019, corrected in 2020
    jdbc.update("INSERT INTO gs_correction (resource_code, resource_name, provider_dept, reporter_dept, reporter_user,"
        + " record_locator, description, attachment_count, status, extension_days, reported_at, closed_at)"
        + " VALUES ('MZ-001', '婚姻登记信息', ?, 'rsj', 'rsj-applicant', '统一社会信用代码 9137…', '地址有误', 0,"
        + " 'CORRECTED', 0, ?, ?)", DEPT, at("2019-11-28T10:00:00+08:00"), at("2020-01-06T10:00:00+08:00"));
    // A dispute between mzj and gaj opened and decided SHARE in 2019: counts for both parties
    jdbc.update("INSERT INTO gs_dispute (kind, resource_code, party_a, party_b, description, status, decided_at,"
        + " created_by, created_at) VALUES ('REFUSAL_CONTESTED', 'MZ-001', ?, 'gaj', '协商未果', 'SHARE', ?, 'office', ?)",
        DEPT, at("2019-06-20T10:00:00+08:00"), at("2019-06-03T10:00:00+08:00"));
    // Data calls to mzj's resource: 40 + 2 served in 2019, 7 on 2020-01-01 (another year), 3 refused out of scope
    calls(jdbc, "2019-03-01", "rsj", "SERVED", 40);
    calls(jdbc, "2019-12-31", "scjgj", "SERVED", 2);
    calls(jdbc, "2020-01-01", "scjgj", "SERVED", 7);
    calls(jdbc, "2019-05-05", "rsj", "REFUSED_OUT_OF_SCOPE", 3);
  }

  @Test
  void theSeededYearComesOutAsComputedByHand() {
    JsonNode view = ApiClient.as(port, "supervisor").get("/api/evaluations/2019").json();
    assertThat(view.path("provisional").asBoolean()).isTrue();
    assertThat(value(view, "requests.handled")).isEqualTo("5");
    assertThat(value(view, "requests.onTimeRate")).isEqualTo("0.75");
    assertThat(value(view, "requests.medianWorkingDays")).isEqualTo("4");
    assertThat(value(view, "deadlines.breached")).isEqualTo("1");
    assertThat(value(view, "requests.approved")).isEqualTo("2");
    assertThat(value(view, "requests.refused")).isEqualTo("1");
    assertThat(value(view, "corrections.received")).isEqualTo("1");
    assertThat(value(view, "corrections.corrected")).isEqualTo("0");
    assertThat(value(view, "disputes.opened")).isEqualTo("1");
    assertThat(value(view, "disputes.shared")).isEqualTo("1");
    assertThat(value(view, "dataCalls.served")).isEqualTo("42");
    assertThat(value(view, "dataCalls.refusedOutOfScope")).isEqualTo("3");
    // the correction closed in 2020 counts there
    JsonNode next = ApiClient.as(port, "supervisor").get("/api/evaluations/2020").json();
    assertThat(value(next, "corrections.corrected")).isEqualTo("1");
  }

  @Test
  void everyFigureLeadsToTheRecordsItCameFrom() {
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    JsonNode view = supervisor.get("/api/evaluations/2019").json();
    JsonNode refusals = supervisor.get(evidence(view, "requests.refused")).json();
    assertThat(refusals).hasSize(1);
    assertThat(refusals.get(0).path("businessKey").asText()).isEqualTo("SR-2019-EVAL-2");
    assertThat(refusals.get(0).path("grounds").asText()).contains("《统计法》第三十九条");
    JsonNode handled = supervisor.get(evidence(view, "requests.medianWorkingDays")).json();
    assertThat(handled.findValuesAsText("handlingWorkingDays")).containsExactlyInAnyOrder("2", "4", "14", "5", "3");
    assertThat(supervisor.get(evidence(view, "deadlines.breached")).json()).hasSize(1);
    assertThat(supervisor.get(evidence(view, "disputes.opened")).json().get(0).path("partyB").asText())
        .isEqualTo("gaj");
    JsonNode calls = supervisor.get(evidence(view, "dataCalls.served")).json().path("rows");
    assertThat(calls.findValuesAsText("served").stream().mapToLong(Long::parseLong).sum()).isEqualTo(42);
    for (JsonNode row : view.path("rows")) {
      for (JsonNode figure : row.path("figures")) {
        assertThat(supervisor.get(figure.path("evidence").asText()).status())
            .as(figure.toString()).isEqualTo(200);
      }
    }
  }

  @Test
  void anotherDepartmentSeesNeitherTheRowNorItsRecordsBeforePublication() {
    ApiClient rsj = ApiClient.as(port, "rsj-applicant");
    assertThat(rsj.get("/api/evaluations/2019").json().path("rows").findValuesAsText("department"))
        .containsExactly("rsj");
    assertThat(rsj.get("/api/evaluations/2019/evidence/mzj/requests.refused").status()).isEqualTo(403);
    assertThat(rsj.get("/api/evaluations/2019/recompute").status()).isEqualTo(403);
  }

  private static String value(JsonNode view, String key) {
    for (JsonNode row : view.path("rows")) {
      if (DEPT.equals(row.path("department").asText())) {
        for (JsonNode figure : row.path("figures")) {
          if (key.equals(figure.path("key").asText())) {
            return figure.path("value").decimalValue().stripTrailingZeros().toPlainString();
          }
        }
      }
    }
    throw new AssertionError("no " + key + " for " + DEPT + " in " + view);
  }

  private static String evidence(JsonNode view, String key) {
    for (JsonNode row : view.path("rows")) {
      for (JsonNode figure : row.path("figures")) {
        if (DEPT.equals(row.path("department").asText()) && key.equals(figure.path("key").asText())) {
          return figure.path("evidence").asText();
        }
      }
    }
    throw new AssertionError("no " + key);
  }

  private static Timestamp at(String time) {
    return Timestamp.from(OffsetDateTime.parse(time).toInstant());
  }

  private static void deadline(JdbcTemplate jdbc, String started, String completed, boolean timed, String state,
      String breached, int workingDays) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO gs_deadline (process_instance_id, execution_id, task_id, task_definition_key, department,"
        + " rule_id, profile, limit_amount, limit_unit, limit_specified, extension_days, started_at, due_at, fallback,"
        + " state, breached_at, completed_at, handling_working_days) VALUES (?, ?, ?, 'providerAuthorization', ?,"
        + " 'R13', 'baseline', 10, ?, TRUE, 0, ?, ?, FALSE, ?, ?, ?, ?)", id, id, id, DEPT,
        timed ? "WORKING_DAYS" : "NONE", at(started), timed ? at(started) : null, state,
        breached == null ? null : at(breached), at(completed), workingDays);
  }

  private static void answer(JdbcTemplate jdbc, String key, String time, String outcome, String grounds) {
    jdbc.update("INSERT INTO gs_share_request (business_key, resource_code, resource_name, share_type, provider_dept,"
        + " applicant_dept, applicant_user, purpose, reason, system_name, status, submitted_at)"
        + " VALUES (?, 'MZ-001', '婚姻登记信息', 'CONDITIONAL', ?, 'rsj', 'rsj-applicant', 'WORK_REFERENCE',"
        + " '社保核查', '社保系统', 'GRANTED', ?)", key, DEPT, at(time));
    Long id = jdbc.queryForObject("SELECT id FROM gs_share_request WHERE business_key = ?", Long.class, key);
    jdbc.update("INSERT INTO gs_share_request_step (request_id, step, name, actor_dept, at, outcome, comment)"
        + " VALUES (?, 'providerAuthorization', '提供部门审核', ?, ?, ?, ?)", id, DEPT, at(time), outcome, grounds);
  }

  private static void calls(JdbcTemplate jdbc, String day, String user, String outcome, long calls) {
    jdbc.update("INSERT INTO gs_data_call_count (call_day, resource_code, user_dept, provider_dept, outcome, calls)"
        + " VALUES (?, 'MZ-001', ?, ?, ?, ?)", java.sql.Date.valueOf(day), user, DEPT, outcome, calls);
  }
}
