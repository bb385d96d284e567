package cn.govshare.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.correction.DataErrorCorrected;
import cn.govshare.deadline.DeadlineBreached;
import cn.govshare.org.CallerResolver;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.sharing.Grant;
import cn.govshare.sharing.GrantStatus;
import cn.govshare.sharing.Grants;
import cn.govshare.sharing.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The register (R29): what the system records, once per source; what supervisors record; who reads it. */
@GovShareTest
class ViolationRegisterTest {

  private static final AtomicLong FAKE_DEADLINE = new AtomicLong(900_000_000L);

  @LocalServerPort
  int port;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  Grants grants;

  @Autowired
  CallerResolver callers;

  @Autowired
  ActivePolicy policy;

  @Test
  void aBreachPublishedTwiceAndByTwoNodesAtOnceIsOneViolationCitingTheProfile() throws Exception {
    long deadline = FAKE_DEADLINE.incrementAndGet();
    DeadlineBreached breach = breach(deadline, "R13");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> both = List.of(nodes.submit(() -> publishAfter(start, breach)),
          nodes.submit(() -> publishAfter(start, breach)));
      start.countDown();
      for (Future<?> node : both) {
        node.get();
      }
    } finally {
      nodes.shutdown();
    }
    transaction.executeWithoutResult(status -> events.publishEvent(breach));

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_violation WHERE source_key = ?", Integer.class,
        "deadline:" + deadline)).isEqualTo(1);
    Map<String, Object> row = jdbc.queryForMap("SELECT kind, department, rule_id, citation, deadline_id, recorded_by "
        + "FROM gs_violation WHERE source_key = ?", "deadline:" + deadline);
    assertThat(row).containsEntry("KIND", "BREACHED_LIMIT").containsEntry("DEPARTMENT", "gaj")
        .containsEntry("RULE_ID", "R29").containsEntry("RECORDED_BY", "system");
    assertThat((String) row.get("CITATION")).isEqualTo("《济南市政务信息资源共享交换管理办法（暂行）》第二十一条第（二）项");
    // R27: the breach report went to the body the profile names, once per publication
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_notification WHERE ref_type = 'deadline' AND ref_id = ? "
        + "AND recipient = 'general-office' AND body LIKE '%报领导小组办公室%'", Integer.class, String.valueOf(deadline)))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aCatalogueUpdateBreachIsALateCatalogueAndACorrectedErrorIsDataThatDidNotMatch() {
    long deadline = FAKE_DEADLINE.incrementAndGet();
    transaction.executeWithoutResult(status -> {
      events.publishEvent(breach(deadline, "R6"));
      events.publishEvent(new DataErrorCorrected(deadline, "DC-" + deadline, "scjgj", "FR-001", "注册资本已更正"));
    });
    assertThat(kind("deadline:" + deadline)).isEqualTo("LATE_CATALOGUE");
    assertThat(kind("correction:" + deadline)).isEqualTo("DATA_MISMATCH");
    ApiClient.Response own = ApiClient.as(port, "scjgj-reviewer").get("/api/violations?kind=DATA_MISMATCH");
    assertThat(own.json()).anyMatch(v -> v.path("summary").asText().contains("DC-" + deadline)
        && v.path("evidence").toString().contains("/api/corrections/" + deadline));
  }

  @Test
  void aGrantSuspendedForMisuseIsAMisuseOfTheUserDepartment() {
    Grant grant = grants.issue("mzj", "FR-001", List.of(), Purpose.WORK_REFERENCE, null, "REQUEST",
        "register-test");
    grants.changeStatus(callers.resolve("scjgj-reviewer"), grant.id(), GrantStatus.SUSPENDED, "转给第三方使用");
    Map<String, Object> row = jdbc.queryForMap("SELECT kind, department FROM gs_violation WHERE source_key = ?",
        "grant:" + grant.id() + ":SUSPENDED");
    assertThat(row).containsEntry("KIND", "MISUSE").containsEntry("DEPARTMENT", "mzj");
  }

  @Test
  void aKindTheProfilesTextLacksIsNotRecorded() {
    long deadline = FAKE_DEADLINE.incrementAndGet();
    policy.activate("national");
    try {
      transaction.executeWithoutResult(status ->
          events.publishEvent(new DataErrorCorrected(deadline, "DC-" + deadline, "gaj", "RK-001", "已更正")));
      transaction.executeWithoutResult(status -> events.publishEvent(breach(deadline, "R13")));
    } finally {
      policy.activate(ActivePolicy.BASELINE);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_violation WHERE source_key = ?", Integer.class,
        "correction:" + deadline)).isZero();
    assertThat(jdbc.queryForObject("SELECT citation FROM gs_violation WHERE source_key = ?", String.class,
        "deadline:" + deadline)).isEqualTo("《政务数据共享条例》（国务院令第809号）第三十九条");
  }

  @Test
  void onlySupervisorsAndTheOfficeRecordAndOnlyTheKindsThatNeedJudgement() {
    Map<String, Object> body = Map.of("kind", "MISUSE", "department", "rsj", "description", "将社保数据提供给第三方");
    assertThat(ApiClient.as(port, "gaj-head").post("/api/violations", body).status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "admin").post("/api/violations", body).status()).isEqualTo(403);
    ApiClient.Response created = ApiClient.as(port, "office").post("/api/violations", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("recordedBy").asText()).isEqualTo("office");

    ApiClient supervisor = ApiClient.as(port, "supervisor");
    assertField(supervisor.post("/api/violations", Map.of("kind", "BREACHED_LIMIT", "department", "rsj",
        "description", "x")), "kind");
    assertField(supervisor.post("/api/violations", Map.of("kind", "MISUSE", "department", "nope",
        "description", "x")), "department");
    assertField(supervisor.post("/api/violations", Map.of("kind", "MISUSE", "department", "rsj",
        "description", " ")), "description");
    assertField(supervisor.post("/api/violations", Map.of("kind", "MISUSE", "department", "rsj",
        "description", "x", "caseLink", "https://example.com/")), "caseLink");
    assertThat(supervisor.post("/api/violations", Map.of("kind", "ROBBERY", "department", "rsj",
        "description", "x")).status()).isEqualTo(400);
    assertThat(supervisor.get("/api/violations?year=1800").status()).isEqualTo(400);
  }

  private static void assertField(ApiClient.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.text()).contains(field);
  }

  /**
   * Issue 25: findings recorded together (a breach batch) give each source what one alone gives — its record with
   * the same stored values, an audit record and a notice naming that record's own id — and a source already
   * recorded stays one record.
   */
  @Test
  void findingsRecordedTogetherGiveEachItsOwnRecordAuditRecordAndNotice(@Autowired Violations violations) {
    long base = FAKE_DEADLINE.addAndGet(10) - 9;
    List<String> departments = List.of("gaj", "rsj", "scjgj", "gaj");
    List<Violations.Finding> findings = new java.util.ArrayList<>();
    for (int i = 0; i < departments.size(); i++) {
      findings.add(new Violations.Finding("deadline:" + (base + i), ViolationKind.BREACHED_LIMIT, departments.get(i),
          new Violations.Evidence("第 " + i + " 项超期：\"户籍\" 'x' \\ 反斜杠\n换行", i == 1 ? null : "/api/requests/" + i,
              base + i, i == 2 ? null : "审计记录 " + i)));
    }
    Violations.Finding alone = new Violations.Finding("deadline:" + (base + 9), ViolationKind.BREACHED_LIMIT, "gaj",
        findings.get(0).evidence());
    transaction.executeWithoutResult(status -> violations.recordBySystem(alone.sourceKey(), alone.kind(),
        alone.department(), alone.evidence()));
    // the last finding's source is recorded already: it stays one record
    transaction.executeWithoutResult(status -> violations.recordAllBySystem(List.of(findings.get(3))));
    transaction.executeWithoutResult(status -> violations.recordAllBySystem(findings));

    String columns = "kind, department, profile, rule_id, item, citation, summary, case_link, audit_evidence, "
        + "recorded_by";
    Map<String, Object> aloneRow = jdbc.queryForMap("SELECT " + columns + " FROM gs_violation WHERE source_key = ?",
        alone.sourceKey());
    for (int i = 0; i < findings.size(); i++) {
      Violations.Finding finding = findings.get(i);
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, deadline_id, " + columns + " FROM gs_violation "
          + "WHERE source_key = ?", finding.sourceKey());
      assertThat(rows).as(finding.sourceKey()).hasSize(1);
      Map<String, Object> row = rows.get(0);
      assertThat(((Number) row.get("DEADLINE_ID")).longValue()).isEqualTo(base + i);
      assertThat(row).containsEntry("DEPARTMENT", finding.department())
          .containsEntry("SUMMARY", finding.evidence().summary())
          .containsEntry("CASE_LINK", finding.evidence().caseLink())
          .containsEntry("AUDIT_EVIDENCE", finding.evidence().auditEvidence());
      if (i == 0) {
        assertThat(row).as("stored as the one recorded alone").containsAllEntriesOf(aloneRow);
      }
      String id = String.valueOf(row.get("ID"));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE action = 'VIOLATION_RECORDED' AND "
          + "object_type = 'VIOLATION' AND object_id = ? AND detail LIKE ?", Integer.class, id,
          "BREACHED_LIMIT " + finding.department() + "：%")).as(finding.sourceKey()).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_notification WHERE category = 'VIOLATION' AND "
          + "ref_type = 'VIOLATION' AND ref_id = ? AND recipient = ? AND body LIKE ?", Integer.class, id,
          finding.department(), "第 " + i + " 项超期%")).as(finding.sourceKey()).isEqualTo(1);
    }
  }

  private void publishAfter(CountDownLatch start, DeadlineBreached breach) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    transaction.executeWithoutResult(status -> events.publishEvent(breach));
  }

  private String kind(String source) {
    return jdbc.queryForObject("SELECT kind FROM gs_violation WHERE source_key = ?", String.class, source);
  }

  private static DeadlineBreached breach(long deadline, String rule) {
    return new DeadlineBreached(deadline, "pi-" + deadline, "conditional-share-request", "SR-" + deadline, "gaj",
        "提供部门审核", rule, "《湖北省政务信息资源共享管理办法》（鄂政办发〔2018〕59号）第二十条", Instant.parse("2025-10-16T16:00:00Z"),
        Instant.parse("2025-10-16T16:01:00Z"), "超期: 提供部门审核 — " + rule + " 第二十条 — 应于 2025-10-17 00:00 前办结");
  }
}
