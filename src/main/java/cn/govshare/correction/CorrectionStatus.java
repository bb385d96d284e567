package cn.govshare.correction;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a correction stands (R22). OPEN while the provider verifies; AWAITING_HEAD while the head decides an
 * extension; HEAD_APPROVED / HEAD_REFUSED only inside the head's completion, until the user is told or the
 * original period resumes; then CORRECTED or NO_ERROR; CANCELLED when its process ended without a result.
 * Changed only by {@link CorrectionTransitions}.
 */
public enum CorrectionStatus {
  OPEN("核实中"), AWAITING_HEAD("待负责人审批延期"), HEAD_APPROVED("延期已批准"), HEAD_REFUSED("延期未批准"),
  CORRECTED("已更正"), NO_ERROR("经核实无误"), CANCELLED("已取消");

  /** The doubt is still being verified: shown with the catalogue entry, business goes on (R22). */
  static final Set<CorrectionStatus> UNRESOLVED = EnumSet.of(OPEN, AWAITING_HEAD, HEAD_APPROVED, HEAD_REFUSED);

  private final String label;

  CorrectionStatus(String label) {
    this.label = label;
  }

  /** What the parties read (issue 20). */
  public String label() {
    return label;
  }

  boolean unresolved() {
    return UNRESOLVED.contains(this);
  }
}
