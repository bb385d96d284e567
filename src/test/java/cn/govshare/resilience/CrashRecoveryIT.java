package cn.govshare.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * R30, issue 11: GovShare is killed with SIGKILL in the middle of a burst of 1 000 share requests and
 * started again on the same database. Every request the client saw acknowledged (201) exists exactly
 * once, with its process instance waiting at the first task; no request exists without its instance.
 * Runs a real second JVM (kill -9 needs one) on the database of the run: MariaDB in .ci/run, else an
 * H2 file in a temporary directory.
 */
class CrashRecoveryIT {

  private static final int BURST = 1_000;
  private static final int KILL_AFTER = 300;
  private static final int WORKERS = 8;

  private Process node;
  private Path logFile;

  @AfterEach
  void stop() {
    if (node != null) {
      node.destroyForcibly();
    }
  }

  @Test
  void killedMidBurstEveryAcknowledgedRequestExistsOnceWithItsProcess() throws Exception {
    String profiles = System.getProperty("govshare.test.profiles", "demo,test");
    List<String> arguments = new ArrayList<>();
    String jdbcUrl = System.getenv("GOVSHARE_DB_URL");
    String user = System.getenv().getOrDefault("GOVSHARE_DB_USER", "root");
    String password = System.getenv().getOrDefault("GOVSHARE_DB_PASSWORD", "");
    if (!profiles.contains("mysql") || jdbcUrl == null) {
      Path data = Files.createTempDirectory("govshare-crash");
      jdbcUrl = "jdbc:h2:file:" + data.resolve("govshare") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
      user = "sa";
      password = "";
      profiles = profiles.replace(",mysql", "");
      arguments.add("--spring.datasource.url=" + jdbcUrl);
    }
    int port = freePort();
    arguments.add("--server.port=" + port);
    arguments.add("--spring.profiles.active=" + profiles);
    arguments.add("--camunda.bpm.webapp.enabled=false");
    logFile = Files.createTempFile("govshare-crash", ".log");

    node = start(arguments);
    awaitUp(port);
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
          node.destroyForcibly();  // SIGKILL: no shutdown hooks, no graceful close
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    node.waitFor();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
    assertThat(failed.get()).as("the kill cut the burst short").isPositive();

    node = start(arguments);
    awaitUp(port);
    Map<Long, String> stored = new HashMap<>();
    int duplicates = 0;
    int halfCreated = 0;
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
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

  private Process start(List<String> arguments) throws IOException {
    // failsafe's class path ends with an empty entry (= the working directory), which would put the
    // project's top-level bpmn/ on the class path a second time
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-cp", classPath,
        GovShareApplication.class.getName()));
    command.addAll(arguments);
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
  }

  private void awaitUp(int port) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < end) {
      if (!node.isAlive()) {
        throw new AssertionError("GovShare exited on start; log: " + logFile + "\n" + tail());
      }
      try {
        if (ApiClient.as(port, "supervisor").get("/api/policy").status() == 200) {
          return;
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("GovShare did not start within 3 min; log: " + logFile + "\n" + tail());
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(logFile);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static String javaBinary() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
