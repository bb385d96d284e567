package cn.govshare.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "政策配置", description = "时限规则及其法规依据（政策配置）")
@RestController
@RequestMapping("/api/policy")
class PolicyController {

  private final ActivePolicy policy;

  PolicyController(ActivePolicy policy) {
    this.policy = policy;
  }

  /**
   * The active table: every effective limit with its rule, step, number and citation (both articles where
   * the national one decided), whether the national ceiling is on, and the limits the YAML file gives.
   */
  @Operation(operationId = "getActivePolicy", summary = "当前生效的政策配置及各环节时限")
  @GetMapping
  Map<String, Object> active(Caller caller) {
    PolicyProfile profile = policy.profile();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", profile.name());
    view.put("title", profile.title());
    view.put("regulation", profile.regulation());
    view.put("source", profile.source());
    view.put("nationalCeiling", policy.nationalCeiling());
    view.put("nationalCeilingText", policy.nationalCeiling()
        ? "国家规定从严：本地时限宽于《政务数据共享条例》的，按国家规定执行"
        : "国家规定从严已关闭（govshare.policy.national-ceiling=false）：按本地办法时限执行");
    view.put("bodies", profile.bodies());
    view.put("limits", profile.limits());
    view.put("localLimits", policy.localProfile().limits());
    return view;
  }

  /** Every profile that loads: the classpath's and the configured directory's {@code policy/*.yml}. */
  @Operation(operationId = "listPolicyProfiles", summary = "可用的政策配置")
  @GetMapping("/profiles")
  List<String> profiles(Caller caller) {
    return loadable().keySet().stream().toList();
  }

  /** Every local profile (or one) against the national ceiling; each finding says whether it is enforced now. */
  @Operation(operationId = "getPolicyCompliance", summary = "地方配置与《政务数据共享条例》的对照")
  @GetMapping("/compliance")
  Map<String, List<ComplianceFinding>> compliance(Caller caller, @RequestParam(required = false) String profile) {
    Map<String, PolicyProfile> profiles = loadable();
    if (profile != null && !profiles.containsKey(profile)) {
      throw ApiException.badRequest("profile", "未知的政策配置: " + profile);
    }
    Map<String, List<ComplianceFinding>> findings = new LinkedHashMap<>();
    for (String name : profile == null ? profiles.keySet() : List.of(profile)) {
      if (!ActivePolicy.NATIONAL.equals(name)) {
        findings.put(name, policy.compliance(name));
      }
    }
    return findings;
  }

  /** Baseline first, then by name; a file that does not load is left out (start-up names it when chosen). */
  private Map<String, PolicyProfile> loadable() {
    Map<String, PolicyProfile> profiles = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(policy.available());
    names.sort((a, b) -> ActivePolicy.BASELINE.equals(a) ? -1 : ActivePolicy.BASELINE.equals(b) ? 1 : a.compareTo(b));
    for (String name : names) {
      try {
        profiles.put(name, policy.load(name));
      } catch (PolicyException e) {
        // a broken file is reported when someone activates it, not on every listing
      }
    }
    return profiles;
  }
}
