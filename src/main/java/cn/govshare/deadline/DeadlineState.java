package cn.govshare.deadline;

/** OPEN → MET | BREACHED → LATE; CANCELLED when the task is deleted without completion (SPEC §7). */
public enum DeadlineState {
  OPEN, MET, BREACHED, LATE, CANCELLED
}
