package cn.govshare.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up time and resident memory of the packaged application on the embedded H2 default:
 * time from process start until /actuator/health answers UP, and VmRSS and the CPU time used from /proc right
 * then.
 */
final class Startup {

  /** {@code cpuSeconds}: the process's CPU time (user + system) until healthy, less sensitive to a busy host. */
  record Measurement(Duration startup, long rssMegabytes, double cpuSeconds) {
  }

  private Startup() {
  }

  /** {@code jvmArgs}: options before {@code -jar}, blank-separated (the documented {@code -Xmx}). */
  static Measurement measure(Path jar, int port, Path dataDir, String jvmArgs) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (!jvmArgs.isBlank()) {
      command.addAll(List.of(jvmArgs.trim().split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("startup.log").toFile());
    builder.environment().put("GOVSHARE_DATA_DIR", dataDir.toString());
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      awaitHealthy(port, process, Duration.ofMinutes(5), dataDir.resolve("startup.log"));
      Duration startup = Duration.ofNanos(System.nanoTime() - started);
      return new Measurement(startup, rssMegabytes(process.pid()), Cpu.millis(process.pid()) / 1000.0);
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  /** Polls /actuator/health until it answers UP; fails when the process exits or the time runs out. */
  static void awaitHealthy(int port, Process process, Duration timeout, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("application exited, see " + log);
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no healthy start within " + timeout);
  }

  static long rssMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }
}
