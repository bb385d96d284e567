package cn.govshare.evaluation;

import cn.govshare.clock.Zones;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Counting figures for an {@link EvaluationFigureSource}: each figure counts the year's records of a department that
 * match its predicate, and its evidence is exactly those records. A source declares its figures once and hands
 * the counter the year's records.
 *
 * @param <T> the record type, as the evidence path shows it
 */
public final class FigureCounter<T> {

  private final Function<T, Collection<String>> departments;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, Predicate<T>> predicates = new LinkedHashMap<>();

  /** {@code departments}: the departments a record counts for (a dispute counts for both parties). */
  public FigureCounter(Function<T, Collection<String>> departments) {
    this.departments = departments;
  }

  public FigureCounter<T> count(String key, String label, Predicate<T> which) {
    labels.put(key, label);
    predicates.put(key, which);
    return this;
  }

  /** One figure per key for every department with any record of the year (zero where none matches). */
  public List<EvaluationFigure> figures(int year, List<T> records) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (T record : records) {
      for (String department : departments.apply(record)) {
        Map<String, Integer> mine = counts.computeIfAbsent(department, d -> new LinkedHashMap<>());
        predicates.forEach((key, which) -> mine.merge(key, which.test(record) ? 1 : 0, Integer::sum));
      }
    }
    List<EvaluationFigure> figures = new ArrayList<>();
    counts.forEach((department, mine) -> mine.forEach((key, n) -> figures.add(new EvaluationFigure(department, key,
        labels.get(key), BigDecimal.valueOf(n), EvaluationFigureSource.evidencePath(year, department, key)))));
    return figures;
  }

  /** The records behind one figure; empty when the key is not this counter's. */
  public Optional<List<?>> evidence(String key, String department, Supplier<List<T>> records) {
    Predicate<T> which = predicates.get(key);
    if (which == null) {
      return Optional.empty();
    }
    return Optional.of(records.get().stream()
        .filter(r -> departments.apply(r).contains(department) && which.test(r)).toList());
  }

  /** Whether {@code at} lies in the year (Asia/Shanghai); null never does. */
  public static boolean inYear(Instant at, int year) {
    return at != null && !at.isBefore(start(year)) && at.isBefore(end(year));
  }

  /** The first instant of the year, Asia/Shanghai. */
  public static Instant start(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(Zones.SHANGHAI).toInstant();
  }

  /** The first instant after the year, Asia/Shanghai. */
  public static Instant end(int year) {
    return start(year + 1);
  }
}
