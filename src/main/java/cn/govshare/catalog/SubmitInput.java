package cn.govshare.catalog;

import java.time.LocalDate;

/**
 * Optional body of publish and retire: the date the change takes effect (R7, required when grant
 * holders must be told ahead) and the R6 update obligation this submission answers.
 */
record SubmitInput(LocalDate effectiveDate, Long obligationId) {

  static final SubmitInput NONE = new SubmitInput(null, null);
}
