package cn.govshare.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code policy/<name>.yml} from the classpath. A malformed file stops start-up with a message
 * naming the file and the key; unspecified limits take the baseline's number and say so.
 */
public final class PolicyLoader {

  static final String BASELINE = "baseline";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
  private static final Set<String> PROFILE_KEYS = Set.of("title", "regulation", "bodies", "limits", "dispute");
  private static final Set<String> LIMIT_KEYS = Set.of("step", "amount", "unit", "specified", "regulation", "article");
  private static final Set<String> BODIES = Set.of(PolicyProfile.PLATFORM, PolicyProfile.GENERAL_OFFICE,
      PolicyProfile.LEADING_GROUP);

  private PolicyLoader() {
  }

  public static PolicyProfile load(String name) {
    PolicyProfile baseline = BASELINE.equals(name) ? null : parse(BASELINE, null);
    return parse(name, baseline);
  }

  private static PolicyProfile parse(String name, PolicyProfile baseline) {
    String file = "policy/" + name + ".yml";
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new PolicyException(file + ": invalid profile name '" + name + "'");
    }
    JsonNode root;
    try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new PolicyException(file + ": no such policy profile (govshare.policy=" + name + ")");
      }
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw new PolicyException(file + ": not valid YAML: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new PolicyException(file + ": must be a mapping with keys " + PROFILE_KEYS);
    }
    unknownKeys(file, "", root, PROFILE_KEYS);
    String title = text(file, "title", root.get("title"), true);
    String regulation = text(file, "regulation", root.get("regulation"), true);
    Map<String, String> bodies = new LinkedHashMap<>();
    JsonNode bodyNode = root.get("bodies");
    for (String role : BODIES) {
      bodies.put(role, text(file, "bodies." + role, bodyNode == null ? null : bodyNode.get(role), true));
    }
    JsonNode limitsNode = root.get("limits");
    if (limitsNode == null || !limitsNode.isObject()) {
      throw new PolicyException(file + ": limits must be a mapping of rule ids");
    }
    Map<String, TimeLimit> limits = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = limitsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      limits.put(entry.getKey(), limit(file, entry.getKey(), entry.getValue(), regulation, baseline));
    }
    JsonNode disputeNode = root.get("dispute");
    if (disputeNode != null && !disputeNode.isObject()) {
      throw new PolicyException(file + ": dispute must be a mapping (the escalation chain, docs/dispute.md)");
    }
    Map<String, Object> dispute = disputeNode == null ? Map.of() : YAML.convertValue(disputeNode, MAP);
    return new PolicyProfile(name, title, regulation, bodies, limits, dispute);
  }

  private static TimeLimit limit(String file, String rule, JsonNode node, String profileRegulation,
      PolicyProfile baseline) {
    String key = "limits." + rule;
    if (!rule.matches("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*")) {
      throw new PolicyException(file + ": " + key + " is not a rule id like R13 or R22-EXT");
    }
    if (node == null || !node.isObject()) {
      throw new PolicyException(file + ": " + key + " must be a mapping");
    }
    unknownKeys(file, key + ".", node, LIMIT_KEYS);
    String step = text(file, key + ".step", node.get("step"), true);
    LimitUnit unit = LimitUnit.WORKING_DAYS;
    if (node.has("unit")) {
      try {
        unit = LimitUnit.valueOf(node.get("unit").asText());
      } catch (IllegalArgumentException e) {
        throw new PolicyException(file + ": " + key + ".unit must be one of WORKING_DAYS, MONTHS, YEARS, NONE");
      }
    }
    if (node.has("specified") && !node.get("specified").isBoolean()) {
      throw new PolicyException(file + ": " + key + ".specified must be true or false");
    }
    boolean specified = !node.has("specified") || node.get("specified").asBoolean();
    String regulation = node.has("regulation") ? text(file, key + ".regulation", node.get("regulation"), true)
        : profileRegulation;
    String article = node.has("article") ? text(file, key + ".article", node.get("article"), true) : "";
    String source = regulation + article;
    if (unit == LimitUnit.NONE) {
      if (node.has("amount")) {
        throw new PolicyException(file + ": " + key + ".amount must be absent when unit is NONE");
      }
      return new TimeLimit(rule, step, 0, unit, true, source + "（未规定时限）");
    }
    if (specified || baseline == null) {
      JsonNode amount = node.get("amount");
      if (amount == null || !amount.canConvertToInt() || !amount.isIntegralNumber() || amount.asInt() <= 0) {
        throw new PolicyException(file + ": " + key + ".amount must be a positive integer");
      }
      String citation = specified ? source : TimeLimit.UNSPECIFIED + "（" + source + "）";
      return new TimeLimit(rule, step, amount.asInt(), unit, specified, citation);
    }
    if (node.has("amount")) {
      throw new PolicyException(file + ": " + key + ".amount must be absent when specified is false (the baseline's number applies)");
    }
    if (!baseline.has(rule)) {
      throw new PolicyException(file + ": " + key + " is unspecified but the baseline has no number for " + rule);
    }
    TimeLimit base = baseline.limit(rule);
    String local = article.isEmpty() && !node.has("regulation") ? "" : source + "未规定时限；";
    String baseSource = base.citation().startsWith(TimeLimit.UNSPECIFIED)
        ? base.citation().substring(TimeLimit.UNSPECIFIED.length()) : "（" + base.citation() + "）";
    return new TimeLimit(rule, step, base.amount(), base.unit(), false,
        local + TimeLimit.UNSPECIFIED + "：" + base.amountText() + baseSource);
  }

  private static String text(String file, String key, JsonNode node, boolean required) {
    if (node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()) {
      if (required) {
        throw new PolicyException(file + ": " + key + " must be a non-blank text");
      }
      return null;
    }
    return node.asText().strip();
  }

  private static void unknownKeys(String file, String prefix, JsonNode node, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!allowed.contains(key)) {
        throw new PolicyException(file + ": unknown key " + prefix + key + " (allowed: " + allowed + ")");
      }
    }
  }
}
