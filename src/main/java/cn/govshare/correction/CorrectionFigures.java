package cn.govshare.correction;

import cn.govshare.evaluation.CountedFigures;
import cn.govshare.evaluation.FigureCounter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * R28: each providing department's data corrections (R22): received in the year, and closed in the year as
 * corrected or as no error. Only final outcomes count, so a published year recomputes to the same numbers.
 */
@Component
class CorrectionFigures extends CountedFigures<Correction> {

  private final CorrectionMapper mapper;

  CorrectionFigures(CorrectionMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected FigureCounter<Correction> counter(int year) {
    return new FigureCounter<Correction>(c -> List.of(c.providerDept()))
        .count("corrections.received", "收到疑义校核", c -> FigureCounter.inYear(c.reportedAt(), year))
        .count("corrections.corrected", "核实有误并更正",
            c -> c.status() == CorrectionStatus.CORRECTED && FigureCounter.inYear(c.closedAt(), year))
        .count("corrections.noError", "核实无误", c -> c.status() == CorrectionStatus.NO_ERROR
            && FigureCounter.inYear(c.closedAt(), year));
  }

  @Override
  protected List<Correction> records(int year) {
    return mapper.findReportedOrClosedBetween(FigureCounter.start(year), FigureCounter.end(year));
  }
}
