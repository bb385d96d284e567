package cn.govshare.dispute;

import cn.govshare.evaluation.CountedFigures;
import cn.govshare.evaluation.FigureCounter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * R28: the disputes (R18, R23) each department was a party to: opened in the year, and decided in the year as
 * SHARE (final outcomes only, so a published year recomputes to the same numbers).
 */
@Component
class DisputeFigures extends CountedFigures<Dispute> {

  private final DisputeMapper mapper;

  DisputeFigures(DisputeMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected FigureCounter<Dispute> counter(int year) {
    return new FigureCounter<Dispute>(d -> List.of(d.partyA(), d.partyB()))
        .count("disputes.opened", "参与争议协调", d -> FigureCounter.inYear(d.createdAt(), year))
        .count("disputes.shared", "协调后同意共享",
            d -> d.status() == DisputeStatus.SHARE && FigureCounter.inYear(d.decidedAt(), year));
  }

  @Override
  protected List<Dispute> records(int year) {
    return mapper.findCreatedOrDecidedBetween(FigureCounter.start(year), FigureCounter.end(year));
  }
}
