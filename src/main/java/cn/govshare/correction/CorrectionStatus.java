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
  OPEN, AWAITING_HEAD, HEAD_APPROVED, HEAD_REFUSED, CORRECTED, NO_ERROR, CANCELLED;

  /** The doubt is still being verified: shown with the catalogue entry, business goes on (R22). */
  static final Set<CorrectionStatus> UNRESOLVED = EnumSet.of(OPEN, AWAITING_HEAD, HEAD_APPROVED, HEAD_REFUSED);

  boolean unresolved() {
    return UNRESOLVED.contains(this);
  }
}
