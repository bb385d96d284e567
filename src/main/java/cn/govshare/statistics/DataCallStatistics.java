package cn.govshare.statistics;

import cn.govshare.evaluation.EvaluationFigure;
import cn.govshare.evaluation.EvaluationFigureSource;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * R27: data calls per month, resource, using and providing department: served, refused without a grant, refused
 * as out-of-scope use (purpose or field outside the grant, R20). Also the "data calls served" figures of the yearly
 * evaluation (R28), per providing department.
 */
@Service
class DataCallStatistics implements EvaluationFigureSource {

  static final String SERVED = "dataCalls.served";
  static final String OUT_OF_SCOPE = "dataCalls.refusedOutOfScope";

  private final StatisticsMapper mapper;

  DataCallStatistics(StatisticsMapper mapper) {
    this.mapper = mapper;
  }

  /** One month of calls from one department to one resource. */
  record Row(YearMonth month, String resourceCode, String providerDept, String userDept, long served,
      long refusedNoGrant, long refusedOutOfScope) {

    @JsonProperty
    public long total() {
      return served + refusedNoGrant + refusedOutOfScope;
    }
  }

  /** {@code dept}: calls where the department is the user or the provider; {@code provider}: to its resources. */
  List<Row> rows(StatisticsWindow window, String dept, String provider, String resource) {
    Map<String, long[]> tallies = new TreeMap<>();
    Map<String, DailyCalls> first = new TreeMap<>();
    for (DailyCalls calls : mapper.findCalls(window.from(), window.to(), dept, provider, resource)) {
      String key = YearMonth.from(calls.day()) + "|" + calls.resourceCode() + "|" + calls.userDept() + "|"
          + calls.providerDept();
      first.putIfAbsent(key, calls);
      tallies.computeIfAbsent(key, k -> new long[DataCallOutcome.values().length])[calls.outcome().ordinal()]
          += calls.calls();
    }
    List<Row> rows = new ArrayList<>();
    tallies.forEach((key, counts) -> {
      DailyCalls calls = first.get(key);
      rows.add(new Row(YearMonth.from(calls.day()), calls.resourceCode(), calls.providerDept(), calls.userDept(),
          counts[DataCallOutcome.SERVED.ordinal()], counts[DataCallOutcome.REFUSED_NO_GRANT.ordinal()],
          counts[DataCallOutcome.REFUSED_OUT_OF_SCOPE.ordinal()]));
    });
    return rows;
  }

  /** R28: calls each providing department served in the year, and calls refused as out-of-scope use. */
  @Override
  public List<EvaluationFigure> figures(int year) {
    Map<String, long[]> byProvider = new TreeMap<>();
    for (DailyCalls calls : mapper.findCalls(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null, null)) {
      long[] counts = byProvider.computeIfAbsent(calls.providerDept(), d -> new long[2]);
      if (calls.outcome() == DataCallOutcome.SERVED) {
        counts[0] += calls.calls();
      } else if (calls.outcome() == DataCallOutcome.REFUSED_OUT_OF_SCOPE) {
        counts[1] += calls.calls();
      }
    }
    List<EvaluationFigure> figures = new ArrayList<>();
    byProvider.forEach((dept, counts) -> {
      String evidence = "/api/statistics/data-calls?from=" + year + "-01-01&to=" + year + "-12-31&provider=" + dept;
      figures.add(new EvaluationFigure(dept, SERVED, "提供数据调用次数", BigDecimal.valueOf(counts[0]), evidence));
      figures.add(new EvaluationFigure(dept, OUT_OF_SCOPE, "超范围调用被拒次数", BigDecimal.valueOf(counts[1]),
          evidence));
    });
    return figures;
  }
}
