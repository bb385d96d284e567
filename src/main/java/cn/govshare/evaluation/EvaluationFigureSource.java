package cn.govshare.evaluation;

import java.util.List;

/**
 * One kind of figure in the yearly evaluation (R28), contributed by the feature that owns the records
 * (requests, disputes, corrections, catalogue, data calls, violations ...), so that the evaluation
 * reads no other feature's tables.
 */
public interface EvaluationFigureSource {

    /** The figures of this source for the calendar year, one per department that has any, each traceable. */
    List<EvaluationFigure> figures(int year);
}
