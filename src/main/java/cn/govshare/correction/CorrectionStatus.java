package cn.govshare.correction;

/** OPEN while the provider verifies; then CORRECTED or NO_ERROR (R22). */
public enum CorrectionStatus {
  OPEN, CORRECTED, NO_ERROR
}
