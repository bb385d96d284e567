package cn.govshare.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * An {@link EvaluationFigureSource} whose figures count records: the subclass says which records a year has and
 * how they are counted ({@link FigureCounter}); figures and their evidence follow from that.
 *
 * @param <T> the record type, as the evidence path shows it
 */
public abstract class CountedFigures<T> implements EvaluationFigureSource {

  /** How the year's records are counted (predicates may depend on the year). */
  protected abstract FigureCounter<T> counter(int year);

  /** Every record any of the year's figures may count. */
  protected abstract List<T> records(int year);

  @Override
  public final List<EvaluationFigure> figures(int year) {
    return counter(year).figures(year, records(year));
  }

  @Override
  public final Optional<List<?>> evidence(int year, String departmentId, String key) {
    return counter(year).evidence(key, departmentId, () -> records(year));
  }
}
