package cn.govshare.policy;

import java.util.Map;

/**
 * The time limits and body names of one regulation (SPEC §2). A rule missing from {@code limits}
 * is a step that regulation does not have. {@code dispute} is the profile's {@code dispute:} block as
 * written (the escalation chain, R18/R19/R23), read and checked by the dispute feature.
 */
public record PolicyProfile(String name, String title, String regulation, Map<String, String> bodies,
    Map<String, TimeLimit> limits, Map<String, Object> dispute) {

  public static final String PLATFORM = "platform";
  public static final String GENERAL_OFFICE = "general-office";
  public static final String LEADING_GROUP = "leading-group";

  public PolicyProfile {
    bodies = Map.copyOf(bodies);
    limits = Map.copyOf(limits);
    dispute = dispute == null ? Map.of() : Map.copyOf(dispute);
  }

  public PolicyProfile(String name, String title, String regulation, Map<String, String> bodies,
      Map<String, TimeLimit> limits) {
    this(name, title, regulation, bodies, limits, Map.of());
  }

  public boolean has(String rule) {
    return limits.containsKey(rule);
  }

  /** The limit of a step this profile has; asking for an absent step is a programming error. */
  public TimeLimit limit(String rule) {
    TimeLimit limit = limits.get(rule);
    if (limit == null) {
      throw new IllegalStateException("policy profile " + name + " has no step " + rule);
    }
    return limit;
  }

  /** Display name of an escalation body: platform, general-office, leading-group. */
  public String body(String role) {
    return bodies.getOrDefault(role, role);
  }
}
