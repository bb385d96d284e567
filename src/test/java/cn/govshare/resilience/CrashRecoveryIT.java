package cn.govshare.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * R30, issue 11: GovShare is killed with SIGKILL in the middle of a burst of 1 000 share requests and
 * started again on the same database. Every request the client saw acknowledged (201) exists exactly
 * once, with its process instance waiting at the first task; no request exists without its instance.
 * Runs a real second JVM ({@link ChildNode}) on the database of the run.
 */
class CrashRecoveryIT {

  private static final int BURST = 1_000;
  private static final int KILL_AFTER = 300;
  private static final int WORKERS = 8;

  @Test
  void killedMidBurstEveryAcknowledgedRequestExistsOnceWithItsProcess() throws Exception {
    try (ChildNode node = new ChildNode()) {
      int port = node.port;
      node.start();
      String marker = "crash-" + System.nanoTime();
      List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger failed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
      for (int i = 0; i < BURST; i++) {
        pool.submit(() -> {
          Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
              "reason", marker, "systemName", "社会保险业务系统"));
          try {
            ApiClient.Response response = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body);
            if (response.status() == 201) {
              acknowledged.add(response.json().path("id").asLong());
            } else {
              failed.incrementAndGet();
            }
          } catch (RuntimeException e) {
            failed.incrementAndGet();  // connection refused or reset once the node is gone
          }
          if (acknowledged.size() >= KILL_AFTER && node.isAlive()) {
            node.kill();
          }
        });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
      node.awaitExit();
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
      assertThat(failed.get()).as("the kill cut the burst short").isPositive();

      node.start();
      Map<Long, String> stored = new HashMap<>();
      int duplicates = 0;
      int halfCreated = 0;
      try (Connection db = DriverManager.getConnection(node.jdbcUrl, node.user, node.password)) {
        try (PreparedStatement query = db.prepareStatement(
            "SELECT id, process_instance_id FROM gs_share_request WHERE reason = ?")) {
          query.setString(1, marker);
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              if (stored.put(rows.getLong(1), String.valueOf(rows.getString(2))) != null) {
                duplicates++;
              }
            }
          }
        }
        try (PreparedStatement tasks = db.prepareStatement(
            "SELECT COUNT(*) FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ? AND TASK_DEF_KEY_ = 'normativeCheck'")) {
          for (String instance : stored.values()) {
            tasks.setString(1, instance);
            try (ResultSet count = tasks.executeQuery()) {
              count.next();
              if (count.getInt(1) != 1) {
                halfCreated++;
              }
            }
          }
        }
      }
      assertThat(duplicates).as("no request stored twice").isZero();
      assertThat(stored.keySet()).as("every acknowledged request survived").containsAll(acknowledged);
      assertThat(halfCreated).as("requests without their process waiting at normativeCheck").isZero();
      assertThat(ApiClient.as(port, "rsj-applicant").get("/api/share-requests/" + acknowledged.get(0)).status())
          .isEqualTo(200);
      System.out.printf("CRASH burst %d, acknowledged before kill %d, refused/cut %d, stored after restart %d, "
          + "duplicates %d, half-created %d%n", BURST, acknowledged.size(), failed.get(), stored.size(), duplicates,
          halfCreated);
    }
  }
}
