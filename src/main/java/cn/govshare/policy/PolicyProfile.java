package cn.govshare.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * The time limits and body names of one regulation (SPEC §2). A rule missing from {@code limits}
 * is a step that regulation does not have. {@code counterparts}: the national rule a local step is
 * measured against where the ids differ (hubei R15 → R13-UNCONDITIONAL); {@code approvers}: who must
 * approve an extension ({@code <rule>-EXT}); {@code source}: the file the profile was read from;
 * {@code dispute}: the profile's {@code dispute:} block as written (the escalation chain, R18/R19/R23),
 * read and checked by the dispute feature; {@code supervision}: the {@code supervision:} block as written (who
 * orders a violation fixed, where a lapsed order and a breach report go, the article of each kind of violation,
 * R27/R29), read and checked by the supervision feature.
 */
public record PolicyProfile(String name, String title, String regulation, Map<String, String> bodies,
    Map<String, TimeLimit> limits, @JsonIgnore Map<String, String> counterparts,
    @JsonIgnore Map<String, String> approvers, @JsonIgnore String source, Map<String, Object> dispute,
    Map<String, Object> supervision) {

  public static final String PLATFORM = "platform";
  public static final String GENERAL_OFFICE = "general-office";
  public static final String LEADING_GROUP = "leading-group";

  public PolicyProfile {
    bodies = Map.copyOf(bodies);
    limits = Map.copyOf(limits);
    counterparts = Map.copyOf(counterparts);
    approvers = Map.copyOf(approvers);
    dispute = dispute == null ? Map.of() : Map.copyOf(dispute);
    supervision = supervision == null ? Map.of() : Map.copyOf(supervision);
  }

  public PolicyProfile(String name, String title, String regulation, Map<String, String> bodies,
      Map<String, TimeLimit> limits, Map<String, String> counterparts, Map<String, String> approvers, String source,
      Map<String, Object> dispute) {
    this(name, title, regulation, bodies, limits, counterparts, approvers, source, dispute, Map.of());
  }

  public PolicyProfile(String name, String title, String regulation, Map<String, String> bodies,
      Map<String, TimeLimit> limits) {
    this(name, title, regulation, bodies, limits, Map.of(), Map.of(), "policy/" + name + ".yml", Map.of());
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

  /** The national rule this step is measured against (SPEC §8); the same id unless the profile says otherwise. */
  public String counterpart(String rule) {
    return counterparts.getOrDefault(rule, rule);
  }

  /** Who approves the extension {@code rule} ({@code R22-EXT} …), or null where the text names nobody. */
  public String approver(String rule) {
    return approvers.get(rule);
  }

  PolicyProfile withLimits(Map<String, TimeLimit> effective, Map<String, String> effectiveApprovers) {
    return new PolicyProfile(name, title, regulation, bodies, effective, counterparts, effectiveApprovers, source,
        dispute, supervision);
  }
}
