package cn.govshare.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start-up time and RSS of the packaged jar on the embedded H2 default (docs/performance.md), on demand:
 * {@code mvn -Pbench -DskipTests package && mvn -Pbench test -Dtest=StartupBenchmark}. The first start
 * creates the schema and the demo organisation; the later ones start on existing data, as a restart does.
 */
class StartupBenchmark {

  private static final int RUNS = Integer.getInteger("bench.runs", 4);

  @Test
  void startupAndResidentMemory() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("govshare-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("package first: mvn -Pbench -DskipTests package"));
    }
    Path data = Files.createTempDirectory("govshare-startup");
    List<Startup.Measurement> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      Startup.Measurement m = Startup.measure(jar, 18080 + i, data, System.getProperty("bench.startupJvmArgs",
          "-Xmx384m"));
      runs.add(m);
      System.out.printf("BENCH startup run %d (%s): %.2f s to healthy (%.1f CPU s), RSS %d MB%n", i + 1,
          i == 0 ? "empty database" : "existing data", m.startup().toMillis() / 1000.0, m.cpuSeconds(),
          m.rssMegabytes());
    }
  }
}
