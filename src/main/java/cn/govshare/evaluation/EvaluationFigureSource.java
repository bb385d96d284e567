package cn.govshare.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * One kind of figure in the yearly evaluation (R28), contributed by the feature that owns the records
 * (requests, disputes, corrections, catalogue, data calls, violations ...), so that the evaluation
 * reads no other feature's tables.
 */
public interface EvaluationFigureSource {

  /** The figures of this source for the calendar year, one per department that has any, each traceable. */
  List<EvaluationFigure> figures(int year);

  /**
   * The records one of this source's figures was computed from, for the evidence path
   * {@link #evidencePath}; empty when the key is not this source's (a source whose figures link to its own
   * API keeps the default).
   */
  default Optional<List<?>> evidence(int year, String departmentId, String key) {
    return Optional.empty();
  }

  /** The evaluation's drill-down path for a figure, answered by {@link #evidence}. */
  static String evidencePath(int year, String departmentId, String key) {
    return "/api/evaluations/" + year + "/evidence/" + departmentId + "/" + key;
  }
}
