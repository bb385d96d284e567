package cn.govshare.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The policy profile in force ({@code govshare.policy}), named {@code policy} for BPMN expressions such
 * as {@code ${policy.has('R12')}}. Loading fails start-up on an unknown or malformed profile.
 *
 * <p>National precedence (SPEC §8): unless {@code govshare.policy.national-ceiling=false}, every local
 * profile runs with the stricter of its own and the national limit ({@link NationalCeiling}); {@link
 * #limit} returns that effective limit, so callers need not know. Profiles are read from {@code
 * govshare.policy.directory} (if set) and the classpath: a new {@code policy/<name>.yml} is a new profile.
 */
@Component("policy")
public class ActivePolicy {

  public static final String NATIONAL = "national";
  public static final String BASELINE = PolicyLoader.BASELINE;

  private static final Logger LOG = LoggerFactory.getLogger(ActivePolicy.class);

  private final boolean nationalCeiling;
  private final Path directory;
  private volatile PolicyProfile local;
  private volatile PolicyProfile profile;

  @Autowired
  public ActivePolicy(@Value("${govshare.policy:baseline}") String name,
      @Value("${govshare.policy.national-ceiling:true}") boolean nationalCeiling,
      @Value("${govshare.policy.directory:}") String directory) {
    this.nationalCeiling = nationalCeiling;
    this.directory = directory == null || directory.isBlank() ? null : Path.of(directory);
    activate(name);
  }

  public ActivePolicy(String name) {
    this(name, true, null);
  }

  /** The profile in force: the effective limits (national ceiling applied unless switched off). */
  public PolicyProfile profile() {
    return profile;
  }

  /** The profile as its YAML file says, before the national ceiling. */
  public PolicyProfile localProfile() {
    return local;
  }

  public boolean nationalCeiling() {
    return nationalCeiling;
  }

  public boolean has(String rule) {
    return profile.has(rule);
  }

  /** The effective limit of a step: the stricter of local and national unless the ceiling is off. */
  public TimeLimit limit(String rule) {
    return profile.limit(rule);
  }

  public String body(String role) {
    return profile.body(role);
  }

  /** Who approves the extension {@code rule} under the profile in force (national where it decided). */
  public String approver(String rule) {
    return profile.approver(rule);
  }

  /**
   * The rules a BPMN may name as its {@code govshare.rule}: those of the profile in force and of every other
   * profile that loads (a step this regulation skips behind a gateway on {@link #has}). A rule no profile knows
   * (R99) would silently leave its task without a deadline: deployments naming one are refused (issue 20).
   */
  public Set<String> knownRules() {
    Set<String> rules = new TreeSet<>(profile.limits().keySet());
    for (String name : available()) {
      try {
        rules.addAll(load(name).limits().keySet());
      } catch (PolicyException e) {
        LOG.debug("profile {} does not load, its rules are not counted: {}", name, e.getMessage());
      }
    }
    return rules;
  }

  /** Every profile that can be activated: the classpath's and the configured directory's {@code *.yml}. */
  public Set<String> available() {
    return PolicyLoader.available(directory);
  }

  /** A profile by name, from the configured directory or the classpath (as written, no ceiling). */
  public PolicyProfile load(String name) {
    return PolicyLoader.load(name, directory);
  }

  /** Findings of a local profile against the national one, each saying whether the ceiling enforces it. */
  public List<ComplianceFinding> compliance(String name) {
    return ComplianceCheck.check(load(name), load(NATIONAL), nationalCeiling);
  }

  /**
   * Switches the profile in force (tests, and administrators changing regulation). Tasks already
   * created keep their due dates; new steps follow the new profile.
   */
  public final void activate(String name) {
    PolicyProfile loaded = load(name);
    PolicyProfile effective = loaded;
    if (!NATIONAL.equals(name)) {
      PolicyProfile national = load(NATIONAL);
      if (nationalCeiling) {
        effective = NationalCeiling.apply(loaded, national);
      } else {
        LOG.warn("policy: national ceiling switched off (govshare.policy.national-ceiling=false): profile {} runs "
            + "with its own limits even where 《政务数据共享条例》 is stricter", name);
      }
      for (ComplianceFinding finding : ComplianceCheck.check(loaded, national, nationalCeiling)) {
        LOG.warn("policy compliance: {} — 本地依据: {}; 国家依据: {}; {}", finding.message(), finding.localCitation(),
            finding.nationalCitation(), finding.enforcement());
      }
    }
    local = loaded;
    profile = effective;
    LOG.info("policy profile {} ({}) in force from {}, national ceiling {}", loaded.name(), loaded.title(),
        loaded.source(), nationalCeiling ? "on" : "OFF");
  }
}
