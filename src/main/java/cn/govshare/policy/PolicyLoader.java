package cn.govshare.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads {@code policy/<name>.yml} from a configured directory ({@code govshare.policy.directory}) or
 * the classpath; the directory wins. A malformed file stops start-up with a message naming the file
 * and the key; unspecified limits take the baseline's number and say so.
 */
public final class PolicyLoader {

  static final String BASELINE = "baseline";
  /** Steps whose number every profile must be able to give (the catalogue asks for them): SPEC §2. */
  private static final Map<String, LimitUnit> BASELINE_REQUIRED = Map.of("R6", LimitUnit.WORKING_DAYS,
      "R7", LimitUnit.MONTHS);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
  private static final Set<String> PROFILE_KEYS = Set.of("title", "regulation", "bodies", "limits", "dispute",
      "supervision");
  private static final Set<String> LIMIT_KEYS = Set.of("step", "amount", "unit", "specified", "regulation", "article",
      "national", "approver");
  private static final Set<String> BODIES = Set.of(PolicyProfile.PLATFORM, PolicyProfile.GENERAL_OFFICE,
      PolicyProfile.LEADING_GROUP);

  private PolicyLoader() {
  }

  public static PolicyProfile load(String name) {
    return load(name, null);
  }

  /** {@code directory}: where administrators put their own profiles (null: classpath only). */
  public static PolicyProfile load(String name, Path directory) {
    PolicyProfile baseline = BASELINE.equals(name) ? null : parse(BASELINE, null, directory);
    return parse(name, baseline, directory);
  }

  /**
   * Every profile name available: each {@code policy/*.yml} on the classpath (all jars and test
   * resources) and in {@code directory}. A new file is a new profile, no code change.
   */
  public static Set<String> available(Path directory) {
    Set<String> names = new TreeSet<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver(PolicyLoader.class.getClassLoader())
          .getResources("classpath*:policy/*.yml")) {
        addName(names, resource.getFilename());
      }
      if (directory != null && Files.isDirectory(directory)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.yml")) {
          files.forEach(file -> addName(names, file.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new PolicyException("policy/*.yml: cannot list the policy profiles: " + e.getMessage());
    }
    return names;
  }

  private static void addName(Set<String> names, String filename) {
    if (filename != null && filename.endsWith(".yml")) {
      String name = filename.substring(0, filename.length() - ".yml".length());
      if (name.matches("[a-z][a-z0-9-]*")) {
        names.add(name);
      }
    }
  }

  private static PolicyProfile parse(String name, PolicyProfile baseline, Path directory) {
    String file = "policy/" + name + ".yml";
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new PolicyException(file + ": invalid profile name '" + name + "'");
    }
    Path own = directory == null ? null : directory.resolve(name + ".yml");
    if (own != null && Files.isRegularFile(own)) {
      file = own.toString();
    }
    JsonNode root;
    try (InputStream in = own != null && Files.isRegularFile(own) ? Files.newInputStream(own)
        : PolicyLoader.class.getClassLoader().getResourceAsStream(file)) {
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
    Map<String, String> counterparts = new LinkedHashMap<>();
    Map<String, String> approvers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = limitsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String rule = entry.getKey();
      TimeLimit limit = limit(file, rule, entry.getValue(), regulation, baseline);
      limits.put(rule, limit);
      String key = "limits." + rule;
      if (entry.getValue().has("national")) {
        String national = text(file, key + ".national", entry.getValue().get("national"), true);
        if (!national.matches("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*")) {
          throw new PolicyException(file + ": " + key + ".national is not a rule id like R13-UNCONDITIONAL");
        }
        counterparts.put(rule, national);
      }
      if (entry.getValue().has("approver")) {
        approvers.put(rule, text(file, key + ".approver", entry.getValue().get("approver"), true));
      }
      LimitUnit required = BASELINE_REQUIRED.get(rule);
      if (required != null && limit.unit() != required) {
        throw new PolicyException(file + ": " + key + ".unit must be " + required);
      }
    }
    if (baseline == null) {
      for (String rule : BASELINE_REQUIRED.keySet()) {
        if (!limits.containsKey(rule)) {
          throw new PolicyException(file + ": limits." + rule + " is missing: the baseline must give the number "
              + "every profile falls back on (" + rule + ", SPEC §2)");
        }
      }
    }
    JsonNode disputeNode = root.get("dispute");
    if (disputeNode != null && !disputeNode.isObject()) {
      throw new PolicyException(file + ": dispute must be a mapping (the escalation chain, docs/dispute.md)");
    }
    Map<String, Object> dispute = disputeNode == null ? Map.of() : YAML.convertValue(disputeNode, MAP);
    JsonNode supervisionNode = root.get("supervision");
    if (supervisionNode != null && !supervisionNode.isObject()) {
      throw new PolicyException(file + ": supervision must be a mapping (violations and orders, docs/supervision.md)");
    }
    Map<String, Object> supervision = supervisionNode == null ? Map.of() : YAML.convertValue(supervisionNode, MAP);
    return new PolicyProfile(name, title, regulation, bodies, limits, counterparts, approvers, file, dispute,
        supervision);
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
