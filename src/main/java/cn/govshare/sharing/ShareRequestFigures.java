package cn.govshare.sharing;

import cn.govshare.evaluation.CountedFigures;
import cn.govshare.evaluation.FigureCounter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * R28: each providing department's answers to share requests in the year: agreed, refused (the evidence lists
 * every refusal with its grounds, R13). How fast they answered comes from the deadline ledger.
 */
@Component
class ShareRequestFigures extends CountedFigures<ProviderAnswer> {

  private static final FigureCounter<ProviderAnswer> COUNTER =
      new FigureCounter<ProviderAnswer>(a -> List.of(a.providerDept()))
          .count("requests.approved", "同意共享", a -> ShareRequestProcess.APPROVED.equals(a.outcome()))
          .count("requests.refused", "不予共享（附理由）", a -> ShareRequestProcess.REFUSED.equals(a.outcome()));

  private final SharingMapper mapper;

  ShareRequestFigures(SharingMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected FigureCounter<ProviderAnswer> counter(int year) {
    return COUNTER;
  }

  @Override
  protected List<ProviderAnswer> records(int year) {
    return mapper.findProviderAnswers(FigureCounter.start(year), FigureCounter.end(year));
  }
}
