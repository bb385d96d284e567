package cn.govshare.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The PNG plots of docs/performance.md: how each cost grows with the data. */
final class Plots {

  private Plots() {
  }

  /**
   * Draws the plots again from raw values (src/bench/replot.sh): {@code args[0]} the harness's
   * {@code results.tsv} or one of docs/performance-results-*.tsv (a first column {@code run}), {@code args[1]} the
   * directory to write to, {@code args[2]} the run to draw from such a file (every row of that run, so a rate
   * measured several times in the run is drawn several times).
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: Plots <results.tsv> <directory> [run]");
    }
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    boolean byRun = lines.get(0).startsWith("run\t");
    if (byRun && args.length < 3) {
      throw new IllegalArgumentException(args[0] + " holds several runs: name one");
    }
    List<String[]> results = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t");
      if (byRun && !c[0].equals(args[2])) {
        continue;
      }
      int f = byRun ? 1 : 0;
      // the harness's rows: name, unit, value, load average
      results.add(new String[] {c[f], c[f + 2], c[f + 1], c.length > f + 3 ? c[f + 3] : ""});
    }
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no rows" + (byRun ? " of run " + args[2] : "") + " in " + args[0]);
    }
    Files.createDirectories(Path.of(args[1]));
    write(results, Path.of(args[1]));
  }

  static void write(List<String[]> results, Path out) throws IOException {
    chart(out.resolve("performance-grant-ceiling.png"), "GET /api/grants/check at 1 M grants: latency vs offered rate",
        "offered checks/s", "ms (log)", false, true, results, "grant-ceiling-p50@", "p50", "grant-ceiling-p99@", "p99");
    chart(out.resolve("performance-throughput.png"), "Full share requests per second vs open requests",
        "open requests", "requests/s", false, false, results, "throughput-govshare@", "GovShare",
        "throughput-bare@", "bare Camunda");
    chart(out.resolve("performance-grant-check.png"), "GET /api/grants/check at 200 req/s vs grants", "grants (log)",
        "ms", true, false, results, "grant-check-p50@", "p50", "grant-check-p99@", "p99");
    chart(out.resolve("performance-deadlines.png"), "GET /api/deadlines?state=OPEN vs open requests",
        "open requests", "ms", false, false, results, "deadline-page-p50@", "p50", "deadline-page-p99@", "p99");
  }

  private static void chart(Path file, String title, String x, String y, boolean logX, boolean logY,
      List<String[]> results,
      String prefixA, String labelA, String prefixB, String labelB) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series(results, prefixA, labelA, logX));
    data.addSeries(series(results, prefixB, labelB, logX));
    JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setSeriesStroke(1, new BasicStroke(2f));
    plot.setRenderer(renderer);
    if (logX) {
      plot.setDomainAxis(new LogAxis(x));
    }
    if (logY) {
      LogAxis axis = new LogAxis(y);
      axis.setSmallestValue(0.5);
      axis.setNumberFormatOverride(new DecimalFormat("0.#"));
      plot.setRangeAxis(axis);
      // the red line of the target always in view, whatever the run's values
      double low = Math.max(0.5, Math.min(data.getSeries(0).getMinY(), data.getSeries(1).getMinY()) / 1.5);
      double high = Math.max(15, Math.max(data.getSeries(0).getMaxY(), data.getSeries(1).getMaxY()) * 1.5);
      axis.setRange(low, high);
      // the target: p99 at most 10 ms
      plot.addRangeMarker(new ValueMarker(10, Color.RED, new BasicStroke(1f)));
    }
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 640, 360);
  }

  private static XYSeries series(List<String[]> results, String prefix, String label, boolean logX) {
    XYSeries series = new XYSeries(label);
    for (String[] r : results) {
      if (r[0].startsWith(prefix)) {
        double size = Double.parseDouble(r[0].substring(prefix.length()));
        series.add(logX ? Math.max(size, 1) : size, Double.parseDouble(r[2]));
      }
    }
    return series;
  }
}
