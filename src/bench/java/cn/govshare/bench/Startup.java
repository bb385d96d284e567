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
 * time from process start until /actuator/health answers UP, and VmRSS from /proc right then.
 */
final class Startup {

  record Measurement(Duration startup, long rssMegabytes) {
  }

  private Startup() {
  }

  static Measurement measure(Path jar, int port, Path dataDir, Map<String, String> extraEnv) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--server.port=" + port));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("startup.log").toFile());
    builder.environment().put("GOVSHARE_DATA_DIR", dataDir.toString());
    builder.environment().putAll(extraEnv);
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("application exited, see " + dataDir.resolve("startup.log"));
        }
        try {
          HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        if (Duration.ofNanos(System.nanoTime() - started).toSeconds() > 120) {
          throw new IllegalStateException("no healthy start within 120 s");
        }
        Thread.sleep(50);
      }
      Duration startup = Duration.ofNanos(System.nanoTime() - started);
      return new Measurement(startup, rssMegabytes(process.pid()));
    } finally {
      process.destroy();
      process.waitFor();
    }
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
