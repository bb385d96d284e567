package cn.govshare.resilience;

import cn.govshare.ApiClient;
import cn.govshare.GovShareApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GovShare in a second JVM (kill -9 needs one), on the database of the run: MariaDB when the ITs run with
 * the mysql profile and {@code GOVSHARE_DB_URL}, else an H2 file in a temporary directory. Also the building
 * block of {@code cn.govshare.federation.TwoPlatforms}: a node of its own profiles, arguments and, on MariaDB,
 * a fresh database of its own on the run's server (dropped on {@link #close()}).
 */
public final class ChildNode implements AutoCloseable {

  public final String jdbcUrl;
  public final String user;
  public final String password;
  public final int port;
  private final List<String> arguments = new ArrayList<>();
  private final Path logFile;
  private final String freshDatabase;
  private final String serverUrl;
  /** GOVSHARE_DATA_DIR of the node (audit keys, anchors); null = the working directory's ./data. */
  private final Path dataDir;
  private Process process;
  /** The user whose GET /api/policy answering 200 means the node is up. */
  private String readyUser = "supervisor";

  /** A node of the run's profiles on the run's own database. */
  ChildNode() throws IOException {
    this("govshare-crash", System.getProperty("govshare.test.profiles", "demo,test"), null, List.of(), false);
  }

  /**
   * A node of {@code profiles} (",mysql" is dropped on H2) with {@code extraArguments} (e.g.
   * {@code --govshare.policy=hubei}). {@code freshDatabase}: on MariaDB, the name of a database to create empty on
   * the run's server for this node alone; null = the run's own database. On H2 every node has its own file.
   */
  public ChildNode(String name, String profiles, String freshDatabase, List<String> extraArguments) throws IOException {
    this(name, profiles, freshDatabase, extraArguments, true);
  }

  private ChildNode(String name, String profiles, String freshDatabase, List<String> extraArguments,
      boolean ownDataDir) throws IOException {
    dataDir = ownDataDir ? Files.createTempDirectory(name + "-data") : null;
    String url = System.getenv("GOVSHARE_DB_URL");
    if (!profiles.contains("mysql") || url == null) {
      Path data = Files.createTempDirectory(name);
      // nodes are killed and restarted by tests that count on every acknowledged commit: H2 writes its commits to
      // the file at once (WRITE_DELAY=0, as the product's embedded default does) instead of up to half a second later
      jdbcUrl = "jdbc:h2:file:" + data.resolve("govshare") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
      user = "sa";
      password = "";
      profiles = profiles.replace(",mysql", "");
      arguments.add("--spring.datasource.url=" + jdbcUrl);
      this.freshDatabase = null;
      this.serverUrl = null;
    } else {
      user = System.getenv().getOrDefault("GOVSHARE_DB_USER", "root");
      password = System.getenv().getOrDefault("GOVSHARE_DB_PASSWORD", "");
      this.freshDatabase = freshDatabase;
      if (freshDatabase == null) {
        jdbcUrl = url;
        serverUrl = null;
      } else {
        // jdbc:mysql://host:port/<database>?options: the same server and options, another database
        jdbcUrl = url.replaceFirst("(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + freshDatabase);
        serverUrl = url.replaceFirst("(jdbc:[a-z]+://[^/]+/)[^?]*", "$1");
        createDatabase();
        arguments.add("--spring.datasource.url=" + jdbcUrl);
      }
    }
    port = freePort();
    arguments.add("--server.port=" + port);
    arguments.add("--spring.profiles.active=" + profiles);
    arguments.add("--camunda.bpm.webapp.enabled=false");
    arguments.addAll(extraArguments);
    logFile = Files.createTempFile(name, ".log");
  }

  /** The node is up when this user (password = user id) reads /api/policy: a user of the node's organisation. */
  public ChildNode readyWhen(String userId) {
    readyUser = userId;
    return this;
  }

  /** The node's log (stdout and stderr), for a failing test's message. */
  public Path logFile() {
    return logFile;
  }

  /** Starts the node and waits until it answers. */
  public void start() throws Exception {
    // failsafe's class path ends with an empty entry (= the working directory), which would put the
    // project's top-level bpmn/ on the class path a second time
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
        + File.separator + "java", "-Xmx768m", "-cp", classPath, GovShareApplication.class.getName()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    if (dataDir != null) {
      builder.environment().put("GOVSHARE_DATA_DIR", dataDir.toString());
    }
    process = builder.start();
    awaitUp();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hooks, no graceful close. */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  /** Kills the node and drops its fresh database, if it has one. */
  @Override
  public void close() {
    kill();
    if (freshDatabase != null) {
      try {
        if (process != null) {
          process.waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      execute("DROP DATABASE IF EXISTS " + freshDatabase);
    }
  }

  private void createDatabase() {
    if (!freshDatabase.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("database name " + freshDatabase);
    }
    execute("DROP DATABASE IF EXISTS " + freshDatabase);
    execute("CREATE DATABASE " + freshDatabase + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
  }

  private void execute(String sql) {
    try (Connection db = DriverManager.getConnection(serverUrl, user, password);
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public void awaitExit() throws InterruptedException {
    process.waitFor();
  }

  private void awaitUp() throws Exception {
    // a loaded CI machine may need longer: -Dgovshare.test.node-start=PT6M
    Duration patience = Duration.parse(System.getProperty("govshare.test.node-start", "PT3M"));
    long end = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new AssertionError("GovShare exited on start; log: " + logFile + "\n" + tail());
      }
      try {
        if (ApiClient.as(port, readyUser).get("/api/policy").status() == 200) {
          return;
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("GovShare did not start within " + patience + "; log: " + logFile + "\n" + tail());
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(logFile);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
