package cn.govshare.dispute;

import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.PolicyLoader;
import cn.govshare.policy.PolicyProfile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The chain a dispute follows: that of the profile in force when it started (kept on its record), so that a
 * profile switched later changes new disputes only. Every shipped profile's chain is checked at start-up.
 */
@Component
class DisputeChains {

  private final ActivePolicy policy;
  private final Map<String, PolicyProfile> profiles = new ConcurrentHashMap<>();

  DisputeChains(ActivePolicy policy) {
    this.policy = policy;
    for (DisputeKind kind : DisputeKind.values()) {
      DisputeChain.of(policy.profile(), kind);
    }
  }

  /** The name of the profile new disputes follow. */
  String current() {
    return policy.profile().name();
  }

  DisputeChain of(Dispute dispute) {
    String name = dispute.policyProfile() == null ? current() : dispute.policyProfile();
    PolicyProfile profile = name.equals(current()) ? policy.profile()
        : profiles.computeIfAbsent(name, PolicyLoader::load);
    return DisputeChain.of(profile, dispute.kind());
  }
}
