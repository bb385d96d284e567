package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.audit.AuditTrail;
import cn.govshare.audit.ChainCheck;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 25: data calls are audited and counted in group commits. Many calls at once, from many threads, are each
 * answered with their own record and count in place: no call lost, none counted twice, the chain intact.
 */
@GovShareTest
class DataCallWriterTest {

  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 25;

  @LocalServerPort
  int port;

  @Autowired
  Grants grants;

  @Autowired
  AuditTrail audit;

  @Autowired
  JdbcTemplate sql;

  @Autowired
  DataCallWriter writer;

  @Test
  void concurrentCallsAreEachAnsweredAfterTheirRecordAndCountAreCommitted() throws Exception {
    grants.issue("wtest1", "FR-001", List.of(), Purpose.WORK_REFERENCE, null, Grants.SOURCE_REQUEST, "WRITER-TEST");
    ApiClient operator = ApiClient.as(port, "operator");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<Boolean>>> answers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      answers.add(pool.submit(() -> {
        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
          // served, refused out of scope (a grant held, another purpose), refused without a grant
          String path = switch ((thread + i) % 3) {
            case 0 -> "/api/grants/check?dept=wtest1&resource=FR-001&purpose=WORK_REFERENCE";
            case 1 -> "/api/grants/check?dept=wtest1&resource=FR-001&purpose=ADMINISTRATIVE_BASIS";
            default -> "/api/grants/check?dept=wtest2&resource=FR-001&purpose=WORK_REFERENCE";
          };
          ApiClient.Response answer = operator.get(path);
          assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
          allowed.add(answer.json().path("allowed").asBoolean());
        }
        return allowed;
      }));
    }
    long served = 0;
    long refused = 0;
    for (Future<List<Boolean>> answer : answers) {
      for (boolean allowed : answer.get()) {
        if (allowed) {
          served++;
        } else {
          refused++;
        }
      }
    }
    pool.shutdown();
    int calls = THREADS * CALLS_PER_THREAD;
    assertThat(served + refused).isEqualTo(calls);

    // every answered call: its audit record, and the counters add up to the calls, by outcome
    assertThat(sql.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE action = 'GRANT_CHECK' AND outcome = 'OK'"
        + " AND detail LIKE 'wtest1 FR-001 %'", Long.class)).isEqualTo(served);
    assertThat(sql.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE action = 'GRANT_CHECK'"
        + " AND outcome = 'REJECTED' AND detail LIKE 'wtest_ FR-001 %'", Long.class)).isEqualTo(refused);
    assertThat(calls("wtest1", "SERVED")).isEqualTo(served);
    assertThat(calls("wtest1", "REFUSED_OUT_OF_SCOPE") + calls("wtest2", "REFUSED_NO_GRANT")).isEqualTo(refused);
    assertThat(calls("wtest1", "REFUSED_OUT_OF_SCOPE")).isPositive();
    // the out-of-scope refusals reached the violation register's monthly count (R20, R29)
    assertThat(sql.queryForObject("SELECT COALESCE(SUM(refused), 0) FROM gs_refused_call WHERE department = 'wtest1'",
        Long.class)).isEqualTo(calls("wtest1", "REFUSED_OUT_OF_SCOPE"));

    // and the records are sealed into an intact chain
    ChainCheck check = audit.verify();
    for (int i = 0; i < 100 && check.unsealed().count() > 0; i++) {
      Thread.sleep(100);
      check = audit.verify();
    }
    assertThat(check.intact()).as(check.detail()).isTrue();
    assertThat(check.unsealed().count()).isZero();
  }

  /**
   * Calls served under one grant whose counter row does not exist yet, from many threads at once: on MySQL/MariaDB
   * the writers' batches upsert the same new row, which can deadlock; the loser is written again, so every call is
   * still answered and counted exactly once.
   */
  @Test
  void manyWritersCreatingTheSameCounterRowCountEveryCallOnce() throws Exception {
    grants.issue("wtest3", "FR-001", List.of(), Purpose.WORK_REFERENCE, null, Grants.SOURCE_REQUEST, "WRITER-TEST-3");
    ApiClient operator = ApiClient.as(port, "operator");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> served = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      served.add(pool.submit(() -> {
        int allowed = 0;
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
          ApiClient.Response answer = operator.get("/api/grants/check?dept=wtest3&resource=FR-001&purpose=WORK_REFERENCE");
          assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
          allowed += answer.json().path("allowed").asBoolean() ? 1 : 0;
        }
        return allowed;
      }));
    }
    int allowed = 0;
    for (Future<Integer> thread : served) {
      allowed += thread.get();
    }
    pool.shutdown();
    assertThat(allowed).isEqualTo(THREADS * CALLS_PER_THREAD);
    assertThat(calls("wtest3", "SERVED")).isEqualTo(allowed);
    assertThat(sql.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE action = 'GRANT_CHECK' AND outcome = 'OK'"
        + " AND detail LIKE 'wtest3 FR-001 %'", Long.class)).isEqualTo(allowed);
  }

  /**
   * The writer looks up the grants of a whole batch in one statement: calls of many departments, each holding a
   * different grant, are answered at once, and each is judged on its own department's grants, never another's.
   * A grant suspended between two rounds is refused in the next.
   */
  @Test
  void callsOfManyDepartmentsInOneBatchAreEachJudgedOnTheirOwnGrants() throws Exception {
    int departments = 12;
    for (int d = 0; d < departments; d++) {
      // wtest-m<d>: even ones may read FR-001 for work reference, field f<d> only; odd ones for data verification
      if (d % 3 != 2) {
        Purpose purpose = d % 2 == 0 ? Purpose.WORK_REFERENCE : Purpose.DATA_VERIFICATION;
        grants.issue("wtest-m" + d, "FR-001", List.of("f" + d), purpose, null, Grants.SOURCE_REQUEST, "WRITER-M" + d);
      }
    }
    ApiClient operator = ApiClient.as(port, "operator");
    assertEachJudgedOnItsOwn(operator, departments, -1);

    long id = sql.queryForObject("SELECT id FROM gs_grant WHERE department = 'wtest-m0'", Long.class);
    // straight in the table: the writer reads the grants as they stand, nothing kept from the round before
    sql.update("UPDATE gs_grant SET status = 'SUSPENDED' WHERE id = ?", id);
    assertEachJudgedOnItsOwn(operator, departments, 0);
  }

  private void assertEachJudgedOnItsOwn(ApiClient operator, int departments, int suspended) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> rounds = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      rounds.add(pool.submit(() -> {
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
          int d = (thread * CALLS_PER_THREAD + i) % departments;
          // its own field, or the next department's, which its grant does not cover
          String field = "f" + (i % 2 == 0 ? d : (d + 1) % departments);
          ApiClient.Response answer = operator.get("/api/grants/check?dept=wtest-m" + d
              + "&resource=FR-001&purpose=WORK_REFERENCE&field=" + field);
          assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
          boolean held = d % 3 != 2 && d != suspended;
          boolean fits = held && d % 2 == 0 && field.equals("f" + d);
          assertThat(answer.json().path("allowed").asBoolean()).as("wtest-m%d %s: %s", d, field, answer)
              .isEqualTo(fits);
          if (fits) {
            assertThat(answer.json().path("grantId").asLong()).isEqualTo(sql.queryForObject(
                "SELECT id FROM gs_grant WHERE department = ?", Long.class, "wtest-m" + d));
          } else {
            assertThat(answer.json().path("reason").asText()).isEqualTo(!held ? "无有效授权"
                : d % 2 == 1 ? "授权用途不符：已授权用途为 [" + Purpose.DATA_VERIFICATION.label() + "]"
                : "数据项 " + field + " 不在授权范围内");
          }
        }
        return null;
      }));
    }
    for (Future<?> round : rounds) {
      round.get();
    }
    pool.shutdown();
  }

  /**
   * A department code longer than any (gs_department.code, the counters' user_dept: 32) from a caller who may check
   * any department's grants: a 400 naming {@code dept}, never a 500 from the counter row it could not write, and
   * nothing recorded or counted for it.
   */
  @Test
  void aDepartmentCodeLongerThanAnyIsRefusedAsBadInputAndNothingIsWritten() {
    String dept = "wtest" + "x".repeat(28);
    ApiClient.Response answer = ApiClient.as(port, "operator")
        .get("/api/grants/check?dept=" + dept + "&resource=FR-001&purpose=WORK_REFERENCE");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().path("field").asText()).as(answer.toString()).isEqualTo("dept");
    assertThat(sql.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE detail LIKE ?", Long.class, dept + " %"))
        .isZero();
  }

  @Test
  void onMariaDbTheUsualBatchesTakeTheWritersOwnConnections() {
    String database = sql.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
    boolean mysql = database.toLowerCase(Locale.ROOT).matches(".*(mysql|mariadb).*");
    // on MariaDB (DataCallWriterIT) the other tests of this class therefore run through those connections
    assertThat(writer.writesOnOwnConnections()).as(database).isEqualTo(mysql);
  }

  /**
   * A department code is data in the batch's lookup (on MySQL/MariaDB one JSON text of the batch's keys): a code made
   * to close that text and add another department's key is refused as the code it is, and recorded as such.
   */
  @Test
  void aDepartmentCodeWrittenToAddAnotherKeyToTheLookupIsJudgedAsItself() {
    grants.issue("wtest5", "FR-001", List.of(), Purpose.WORK_REFERENCE, null, Grants.SOURCE_REQUEST, "WRITER-TEST-5");
    ApiClient operator = ApiClient.as(port, "operator");
    String forged = "x\"],[\"wtest5\",\"FR-001";
    String dept = URLEncoder.encode(forged, StandardCharsets.UTF_8);
    ApiClient.Response answer =
        operator.get("/api/grants/check?dept=" + dept + "&resource=FR-001&purpose=WORK_REFERENCE");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().path("allowed").asBoolean()).isFalse();
    assertThat(calls(forged, "REFUSED_NO_GRANT")).isEqualTo(1);
    assertThat(operator.get("/api/grants/check?dept=wtest5&resource=FR-001&purpose=WORK_REFERENCE").json()
        .path("allowed").asBoolean()).isTrue();
  }

  private long calls(String department, String outcome) {
    return sql.queryForObject("SELECT COALESCE(SUM(calls), 0) FROM gs_data_call_count WHERE user_dept = ?"
        + " AND resource_code = 'FR-001' AND outcome = ?", Long.class, department, outcome);
  }
}
