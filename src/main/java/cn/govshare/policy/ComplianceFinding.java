package cn.govshare.policy;

/**
 * A local limit looser than the national ceiling (SPEC §8), a national step or duty that the local
 * profile lacks, an end-to-end time longer than the national one, a unit that cannot be compared or an
 * extension approved by someone else. Both citations are given so an administrator can weigh them;
 * {@code enforced} says whether GovShare now applies the national rule anyway (the ceiling, or the
 * retention check at deployment) and {@code enforcement} says how, or why not.
 */
public record ComplianceFinding(String profile, String rule, String step, Kind kind, String local, String national,
    String localCitation, String nationalCitation, String message, boolean enforced, String enforcement) {

  public enum Kind { LOOSER, MISSING, UNTIMED_DUTY, END_TO_END, UNIT, APPROVER }
}
