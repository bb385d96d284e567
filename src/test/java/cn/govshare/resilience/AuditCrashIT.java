package cn.govshare.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, R26: GovShare is killed with SIGKILL in the middle of a load of grant checks (data calls) and
 * task decisions, then started again on the same database. Every call and decision the client saw answered
 * has its audit record, and once the sealer has caught up after the restart the keyed chain verifies with
 * nothing left unsealed.
 */
class AuditCrashIT {

  private static final int REQUESTS = 40;
  private static final int CHECK_WORKERS = 4;
  private static final int KILL_AFTER_CHECKS = 800;
  private static final int KILL_AFTER_DECISIONS = 10;

  @Test
  void killedUnderLoadEveryAnsweredCallAndDecisionHasItsRecordAndTheChainVerifies() throws Exception {
    try (ChildNode node = new ChildNode()) {
      int port = node.port;
      node.start();
      String marker = "ac" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
      ConcurrentLinkedQueue<String> tasks = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < REQUESTS; i++) {
        String instance = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", new HashMap<>(Map.of(
            "resourceCode", "RK-002", "purpose", "WORK_REFERENCE", "reason", marker, "systemName", "社会保险业务系统")))
            .json().path("processInstanceId").asText();
        tasks.add(ApiClient.as(port, "operator").get("/engine-rest/task?processInstanceId=" + instance).json().get(0)
            .path("id").asText());
      }

      List<String> answeredChecks = Collections.synchronizedList(new ArrayList<>());
      List<String> answeredDecisions = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger sequence = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(CHECK_WORKERS + 1);
      for (int w = 0; w < CHECK_WORKERS; w++) {
        pool.submit(() -> {
          while (node.isAlive()) {
            String dept = marker + "-" + sequence.incrementAndGet();
            try {
              if (ApiClient.as(port, "operator").get("/api/grants/check?dept=" + dept
                  + "&resource=RK-002&purpose=WORK_REFERENCE").status() == 200) {
                answeredChecks.add(dept);
              }
            } catch (RuntimeException e) {
              return;  // connection refused or reset: the node is gone
            }
            if (answeredChecks.size() >= KILL_AFTER_CHECKS && answeredDecisions.size() >= KILL_AFTER_DECISIONS) {
              node.kill();
            }
          }
        });
      }
      pool.submit(() -> {
        String task;
        while (node.isAlive() && (task = tasks.poll()) != null) {
          try {
            if (ApiClient.as(port, "operator").post("/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("checkPassed", Map.of("value", true)))).status() == 204) {
              answeredDecisions.add(task);
            }
          } catch (RuntimeException e) {
            return;
          }
        }
      });
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
      node.kill();
      node.awaitExit();
      assertThat(answeredChecks).hasSizeGreaterThanOrEqualTo(KILL_AFTER_CHECKS);
      long unsealedAtKill = count(node, "SELECT COUNT(*) FROM gs_audit WHERE seq IS NULL");

      node.start();
      JsonNode verdict = awaitSealed(port);
      assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();

      Set<String> checked = new HashSet<>();
      Set<String> decided = new HashSet<>();
      try (Connection db = DriverManager.getConnection(node.jdbcUrl, node.user, node.password);
          PreparedStatement query = db.prepareStatement("SELECT action, detail, object_id, seq FROM gs_audit "
              + "WHERE (action = 'GRANT_CHECK' AND detail LIKE ?) OR action = 'TASK_COMPLETED'")) {
        query.setString(1, marker + "-%");
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            assertThat(rows.getLong("seq")).as("sealed").isPositive();
            if (rows.getString("action").equals("GRANT_CHECK")) {
              checked.add(rows.getString("detail").split(" ")[0]);
            } else {
              decided.add(rows.getString("object_id"));
            }
          }
        }
      }
      assertThat(checked).as("every answered grant check has its record").containsAll(answeredChecks);
      assertThat(decided).as("every answered decision has its record").containsAll(answeredDecisions);
      System.out.printf("AUDIT CRASH answered checks %d, decisions %d; records of checks %d; unsealed at the kill %d; "
          + "chain after restart: %s%n", answeredChecks.size(), answeredDecisions.size(), checked.size(), unsealedAtKill,
          verdict.path("detail").asText());
    }
  }

  /** The restarted node's sealer links what the killed one left: verify until nothing waits. */
  private JsonNode awaitSealed(int port) throws InterruptedException {
    JsonNode verdict = null;
    for (int i = 0; i < 120; i++) {
      verdict = ApiClient.as(port, "supervisor").get("/api/audit/verify").json();
      if (verdict.path("unsealed").path("count").asLong() == 0) {
        return verdict;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("records still unsealed 60 s after the restart: " + verdict);
  }

  private static long count(ChildNode node, String sql) throws Exception {
    try (Connection db = DriverManager.getConnection(node.jdbcUrl, node.user, node.password);
        ResultSet rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
