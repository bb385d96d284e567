package cn.govshare.dispute;

import cn.govshare.policy.PolicyException;
import cn.govshare.policy.PolicyProfile;
import cn.govshare.policy.TimeLimit;
import java.util.Map;
import java.util.Set;

/**
 * The escalation chain one policy profile writes in its {@code dispute:} block (R18, R19, R23): negotiation,
 * then the coordinating body, then the deciding body, each with its body and article. A step the regulation
 * lacks is null (skipped, never renamed); a step it does not address at all is labelled 未规定, 采用基线.
 * Data conflicts have their own chain ({@code data-conflict}); a contested refusal may have its own
 * ({@code contested-refusal}, shaoyang 21 ¶2: straight to 市行政审批服务局, no negotiation in the text).
 */
record DisputeChain(String profile, Step negotiation, Step coordination, Step decision, Step filing) {

  static final String NEGOTIATION = "negotiation";
  static final String COORDINATION = "coordination";
  static final String DECISION = "decision";
  static final String FILING = "filing";
  static final String DATA_CONFLICT = "data-conflict";
  static final String CONTESTED_REFUSAL = "contested-refusal";
  private static final Set<String> CHAIN_KEYS = Set.of(NEGOTIATION, COORDINATION, DECISION, FILING, DATA_CONFLICT,
      CONTESTED_REFUSAL);
  private static final Set<String> STEP_KEYS = Set.of("step", "body", "body-article", "group", "platform-joins",
      "specified", "regulation", "article");

  /**
   * One body's step. {@code group}: the Camunda group that acts (null for negotiation, where the parties act);
   * {@code platformJoins}: the platform unit negotiates as a third party (hubei 25, 17 ¶3).
   */
  record Step(String name, String body, String group, boolean platformJoins, String citation) {
  }

  /** The chain a dispute of this kind follows under the profile; data conflicts (R23) have their own. */
  static DisputeChain of(PolicyProfile profile, DisputeKind kind) {
    Map<String, Object> block = profile.dispute();
    String where = "policy/" + profile.name() + ".yml: dispute";
    unknownKeys(where, block, CHAIN_KEYS);
    Map<String, Object> chain = block;
    String own = kind == DisputeKind.DATA_CONFLICT ? DATA_CONFLICT
        : kind == DisputeKind.REFUSAL_CONTESTED && block.containsKey(CONTESTED_REFUSAL) ? CONTESTED_REFUSAL : null;
    if (own != null) {
      chain = map(where + "." + own, block.get(own));
      where = where + "." + own;
      unknownKeys(where, chain, Set.of(NEGOTIATION, COORDINATION, DECISION));
    }
    Step negotiation = step(profile, where, NEGOTIATION, chain.get(NEGOTIATION), own == null);
    Step coordination = step(profile, where, COORDINATION, chain.get(COORDINATION), false);
    Step decision = step(profile, where, DECISION, chain.get(DECISION), false);
    Step filing = kind == DisputeKind.DATA_CONFLICT ? null
        : step(profile, "policy/" + profile.name() + ".yml: dispute", FILING, block.get(FILING), true);
    if (kind != DisputeKind.DATA_CONFLICT && coordination == null && decision == null) {
      throw new PolicyException(where + ": a dispute about a request needs a coordinating or deciding body");
    }
    if (negotiation == null && coordination == null && decision == null) {
      throw new PolicyException(where + ": a chain needs at least one step");
    }
    return new DisputeChain(profile.name(), negotiation, coordination, decision, filing);
  }

  /** Whether the text has the parties negotiate first. */
  boolean negotiates() {
    return negotiation != null;
  }

  /** The first body after negotiation, or null when the text names none. */
  Step afterNegotiation() {
    return coordination != null ? coordination : decision;
  }

  private static Step step(PolicyProfile profile, String where, String key, Object node, boolean required) {
    String at = where + "." + key;
    if (node == null) {
      if (required) {
        throw new PolicyException(at + " is required");
      }
      return null;
    }
    Map<String, Object> step = map(at, node);
    unknownKeys(at, step, STEP_KEYS);
    String body = text(at, step, "body", true);
    String group = text(at, step, "group", !key.equals(NEGOTIATION) && !key.equals(FILING));
    boolean specified = !Boolean.FALSE.equals(step.get("specified"));
    String regulation = text(at, step, "regulation", false);
    String article = text(at, step, "article", true);
    String source = (regulation == null ? profile.regulation() : regulation) + article;
    String bodyArticle = text(at, step, "body-article", false);
    String citation = specified ? source : TimeLimit.UNSPECIFIED + "（" + source + "）";
    if (bodyArticle != null) {
      citation = citation + "；机构名称见" + profile.regulation() + bodyArticle;
    }
    String name = key.equals(FILING) ? "备案" : text(at, step, "step", true);
    return new Step(name, body, group, Boolean.TRUE.equals(step.get("platform-joins")), citation);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(String at, Object node) {
    if (!(node instanceof Map<?, ?> map)) {
      throw new PolicyException(at + " must be a mapping");
    }
    return (Map<String, Object>) map;
  }

  private static String text(String at, Map<String, Object> step, String key, boolean required) {
    Object value = step.get(key);
    if (value instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    if (required || value != null) {
      throw new PolicyException(at + "." + key + " must be a non-blank text");
    }
    return null;
  }

  private static void unknownKeys(String at, Map<String, Object> node, Set<String> allowed) {
    for (String key : node.keySet()) {
      if (!allowed.contains(key)) {
        throw new PolicyException(at + ": unknown key " + key + " (allowed: " + allowed + ")");
      }
    }
  }
}
