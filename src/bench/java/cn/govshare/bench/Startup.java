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
import java.util.Map;

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

  /**
   * The README's production start (issue 25): the packaged jar extracted by Spring Boot's own tool
   * ({@code java -Djarmode=tools -jar govshare.jar extract}) and a class-data-sharing archive written by one
   * training run that stops once the application context is refreshed ({@code -XX:ArchiveClassesAtExit},
   * {@code -Dspring.context.exit=onRefresh}), on a data directory of its own. Returns the extracted jar; the
   * archive is {@link #archive}. Both are made again for every harness run, from the jar just packaged.
   */
  static Path prepareCds(Path jar, Path dir, String jvmArgs) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    run(new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
        "--destination", dir.toString()), dir.resolveSibling("extract.log"), Map.of());
    Path extracted = dir.resolve(jar.getFileName());
    List<String> training = new ArrayList<>(List.of(java.toString()));
    if (!jvmArgs.isBlank()) {
      training.addAll(List.of(jvmArgs.trim().split("\\s+")));
    }
    training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive(dir), "-Dspring.context.exit=onRefresh",
        "-jar", extracted.toString(), "--server.port=0"));
    Path data = Files.createTempDirectory("govshare-cds-training");
    run(new ProcessBuilder(training), dir.resolveSibling("cds-training.log"),
        Map.of("GOVSHARE_DATA_DIR", data.toString()));
    if (!Files.exists(archive(dir))) {
      throw new IllegalStateException("no CDS archive written, see " + dir.resolveSibling("cds-training.log"));
    }
    return extracted;
  }

  static Path archive(Path dir) {
    return dir.resolve("govshare.jsa");
  }

  private static void run(ProcessBuilder builder, Path log, Map<String, String> env) throws Exception {
    builder.redirectErrorStream(true).redirectOutput(log.toFile()).environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", builder.command()) + " failed, see " + log);
    }
  }

  /**
   * Polls /actuator/health until it answers UP or DEGRADED (serving: DEGRADED is, for example, next year's official
   * holidays not published yet from 1 December, SPEC §3); fails when the process exits or the time runs out.
   */
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
        if (response.statusCode() == 200
            && (response.body().contains("\"UP\"") || response.body().contains("\"DEGRADED\""))) {
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
