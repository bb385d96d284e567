package cn.govshare.policy;

import cn.govshare.org.Caller;
import cn.govshare.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/policy")
class PolicyController {

  private final ActivePolicy policy;

  PolicyController(ActivePolicy policy) {
    this.policy = policy;
  }

  /** The active table: every limit with its rule, step, number and citation. */
  @GetMapping
  PolicyProfile active(Caller caller) {
    return policy.profile();
  }

  @GetMapping("/profiles")
  List<String> profiles(Caller caller) {
    return ActivePolicy.SHIPPED;
  }

  /** Every local profile (or one) against the national ceiling. */
  @GetMapping("/compliance")
  Map<String, List<ComplianceFinding>> compliance(Caller caller, @RequestParam(required = false) String profile) {
    PolicyProfile national = PolicyLoader.load(ActivePolicy.NATIONAL);
    List<String> names = profile == null
        ? ActivePolicy.SHIPPED.stream().filter(n -> !ActivePolicy.NATIONAL.equals(n)).toList() : List.of(profile);
    Map<String, List<ComplianceFinding>> findings = new LinkedHashMap<>();
    for (String name : names) {
      if (!ActivePolicy.SHIPPED.contains(name)) {
        throw ApiException.badRequest("profile", "未知的政策配置: " + name);
      }
      findings.put(name, ComplianceCheck.check(PolicyLoader.load(name), national));
    }
    return findings;
  }
}
