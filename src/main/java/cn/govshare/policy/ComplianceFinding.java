package cn.govshare.policy;

/**
 * A local limit looser than the national ceiling (SPEC §8), or a national step with a limit that the
 * local profile lacks. Both citations are given so an administrator can weigh them.
 */
public record ComplianceFinding(String profile, String rule, String step, Kind kind, String local, String national,
    String localCitation, String nationalCitation, String message) {

  public enum Kind { LOOSER, MISSING }
}
