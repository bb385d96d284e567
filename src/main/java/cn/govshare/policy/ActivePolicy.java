package cn.govshare.policy;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The policy profile in force ({@code govshare.policy}), named {@code policy} for BPMN expressions such
 * as {@code ${policy.has('R12')}}. Loading fails start-up on an unknown or malformed profile.
 */
@Component("policy")
public class ActivePolicy {

  public static final String NATIONAL = "national";
  public static final List<String> SHIPPED = List.of("baseline", "jinan", "county", "hubei", "shaoyang", "nanchang",
      NATIONAL);

  private static final Logger LOG = LoggerFactory.getLogger(ActivePolicy.class);

  private volatile PolicyProfile profile;

  public ActivePolicy(@Value("${govshare.policy:baseline}") String name) {
    activate(name);
    if (!NATIONAL.equals(name)) {
      for (ComplianceFinding finding : ComplianceCheck.check(profile, PolicyLoader.load(NATIONAL))) {
        LOG.warn("policy compliance: {} — 本地依据: {}; 国家依据: {}", finding.message(), finding.localCitation(),
            finding.nationalCitation());
      }
    }
  }

  public PolicyProfile profile() {
    return profile;
  }

  public boolean has(String rule) {
    return profile.has(rule);
  }

  public TimeLimit limit(String rule) {
    return profile.limit(rule);
  }

  public String body(String role) {
    return profile.body(role);
  }

  /**
   * Switches the profile in force (tests, and administrators changing regulation). Tasks already
   * created keep their due dates; new steps follow the new profile.
   */
  public final void activate(String name) {
    PolicyProfile loaded = PolicyLoader.load(name);
    profile = loaded;
    LOG.info("policy profile {} ({}) in force", loaded.name(), loaded.title());
  }
}
