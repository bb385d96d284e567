package cn.govshare.catalog;

import cn.govshare.evaluation.CountedFigures;
import cn.govshare.evaluation.FigureCounter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * R28 (jinan 19: 数量、更新时效): each department's catalogue — entries catalogued at the end of the year
 * (published and not retired by then), and changes applied during the year (kept up to date; R6's on-time rate
 * comes from the deadline ledger).
 */
@Component
class CatalogFigures extends CountedFigures<CatalogEvent> {

  private final CatalogMapper mapper;

  CatalogFigures(CatalogMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected FigureCounter<CatalogEvent> counter(int year) {
    Set<String> retired = records(year).stream().filter(e -> e.kind() == ChangeKind.RETIRE)
        .map(CatalogEvent::resourceCode).collect(Collectors.toSet());
    return new FigureCounter<CatalogEvent>(e -> List.of(e.department()))
        .count("catalog.resources", "年末目录资源数",
            e -> e.kind() == ChangeKind.PUBLISH && !retired.contains(e.resourceCode()))
        .count("catalog.changes", "年内目录更新次数",
            e -> e.kind() == ChangeKind.CHANGE && FigureCounter.inYear(e.appliedAt(), year));
  }

  @Override
  protected List<CatalogEvent> records(int year) {
    return mapper.findCatalogEvents(FigureCounter.end(year));
  }
}
