package cn.govshare.evaluation;

/** Where a year's evaluation stands (R28). */
public enum EvaluationState {
  /** departments are writing their self-reports */
  REPORTING,
  /** figures computed and stored; the supervisor reviews */
  REVIEW,
  /** published: visible to every department, read-only */
  PUBLISHED
}
