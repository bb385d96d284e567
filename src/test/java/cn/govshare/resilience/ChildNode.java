package cn.govshare.resilience;

import cn.govshare.ApiClient;
import cn.govshare.GovShareApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GovShare in a second JVM (kill -9 needs one), on the database of the run: MariaDB when the ITs run with
 * the mysql profile and {@code GOVSHARE_DB_URL}, else an H2 file in a temporary directory.
 */
final class ChildNode implements AutoCloseable {

  final String jdbcUrl;
  final String user;
  final String password;
  final int port;
  private final List<String> arguments = new ArrayList<>();
  private final Path logFile;
  private Process process;

  ChildNode() throws IOException {
    String profiles = System.getProperty("govshare.test.profiles", "demo,test");
    String url = System.getenv("GOVSHARE_DB_URL");
    if (!profiles.contains("mysql") || url == null) {
      Path data = Files.createTempDirectory("govshare-crash");
      jdbcUrl = "jdbc:h2:file:" + data.resolve("govshare") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
      user = "sa";
      password = "";
      profiles = profiles.replace(",mysql", "");
      arguments.add("--spring.datasource.url=" + jdbcUrl);
    } else {
      jdbcUrl = url;
      user = System.getenv().getOrDefault("GOVSHARE_DB_USER", "root");
      password = System.getenv().getOrDefault("GOVSHARE_DB_PASSWORD", "");
    }
    port = freePort();
    arguments.add("--server.port=" + port);
    arguments.add("--spring.profiles.active=" + profiles);
    arguments.add("--camunda.bpm.webapp.enabled=false");
    logFile = Files.createTempFile("govshare-crash", ".log");
  }

  /** Starts the node and waits until it answers. */
  void start() throws Exception {
    // failsafe's class path ends with an empty entry (= the working directory), which would put the
    // project's top-level bpmn/ on the class path a second time
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
        + File.separator + "java", "-Xmx768m", "-cp", classPath, GovShareApplication.class.getName()));
    command.addAll(arguments);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
    awaitUp();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hooks, no graceful close. */
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    kill();
  }

  void awaitExit() throws InterruptedException {
    process.waitFor();
  }

  private void awaitUp() throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
