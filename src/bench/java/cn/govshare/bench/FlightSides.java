package cn.govshare.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a GovShare flow's application CPU goes that a bare flow's does not (issue 25): the execution samples of a
 * flight recording of the harness's application, split by the rounds' windows the harness prints ({@code BENCH
 * window}), each method counted once per sample it is on the stack of, per flow, GovShare minus bare. Run on demand:
 * <pre>
 * src/bench/run-harness.sh ... "-Dbench.jvmArgs=-XX:FlightRecorderOptions:stackdepth=512
 *     -XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile" | tee harness.log
 * java src/bench/java/cn/govshare/bench/FlightSides.java /tmp/app.jfr harness.log govshare@2000 bare@2000 300 [top]
 * </pre>
 * The sampler sees Java code only (not the JIT or the collector): read the columns as shares of the sampled time
 * and scale them by the harness's application CPU per flow.
 */
public final class FlightSides {

  private record Window(String side, long from, long to) {
  }

  private FlightSides() {
  }

  public static void main(String[] args) throws Exception {
    List<Window> windows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      if (line.startsWith("BENCH window ")) {
        String[] f = line.split(" ");
        windows.add(new Window(f[2], Long.parseLong(f[3]), Long.parseLong(f[4])));
      }
    }
    String govshare = args[2];
    String bare = args[3];
    double flows = Double.parseDouble(args[4]);
    int top = args.length > 5 ? Integer.parseInt(args[5]) : 60;
    Map<String, long[]> inclusive = new HashMap<>();
    long[] samples = new long[2];
    try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
          continue;
        }
        int side = side(windows, event.getStartTime().toEpochMilli(), govshare, bare);
        if (side < 0) {
          continue;
        }
        samples[side]++;
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
          String method = frame.getMethod().getType().getName().replaceAll("\\$\\$Lambda.*|\\$Proxy[0-9]+", "")
              + "." + frame.getMethod().getName();
          if (seen.add(method)) {
            inclusive.computeIfAbsent(method, m -> new long[2])[side]++;
          }
        }
      }
    }
    System.out.printf("samples per flow: %s %.2f, %s %.2f%n", govshare, samples[0] / flows, bare, samples[1] / flows);
    System.out.println("share of GovShare's samples: extra / GovShare / bare (per flow, as % of GovShare's), method");
    double unit = samples[0] / flows / 100;
    inclusive.entrySet().stream()
        .sorted((x, y) -> Long.compare(y.getValue()[0] - y.getValue()[1], x.getValue()[0] - x.getValue()[1]))
        .limit(top)
        .forEach(e -> System.out.printf("%6.1f %6.1f %6.1f  %s%n", (e.getValue()[0] - e.getValue()[1]) / flows / unit,
            e.getValue()[0] / flows / unit, e.getValue()[1] / flows / unit, e.getKey()));
  }

  private static int side(List<Window> windows, long at, String govshare, String bare) {
    for (Window w : windows) {
      if (at >= w.from() && at <= w.to()) {
        return w.side().equals(govshare) ? 0 : w.side().equals(bare) ? 1 : -1;
      }
    }
    return -1;
  }
}
