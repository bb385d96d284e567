package cn.govshare.supervision;

import cn.govshare.policy.PolicyException;
import cn.govshare.policy.PolicyProfile;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code supervision:} block of a policy profile, checked (docs/supervision.md): who orders a violation fixed
 * ({@code order}), where a lapsed order goes ({@code lapse}, absent where the text names no step), where a breach
 * report goes ({@code breach-report}, R27) and the item of the article that makes each kind a violation
 * ({@code kinds}; a kind the text lacks is absent and is never recorded).
 */
record SupervisionRules(Body order, Body lapse, Body breachReport, Map<ViolationKind, Citation> kinds) {

  static final String DEFAULT_GROUP = "general-office";
  private static final Set<String> BODY_KEYS = Set.of("body", "group", "regulation", "article");
  private static final Set<String> KIND_KEYS = Set.of("item", "regulation", "article");

  /** A body named by the text, the group that receives its notifications, and where the text names it. */
  record Body(String name, String group, String citation) {
  }

  /** What the text says the violation is, and where. */
  record Citation(String item, String citation) {
  }

  SupervisionRules {
    kinds = Map.copyOf(kinds);
  }

  Optional<Body> lapseBody() {
    return Optional.ofNullable(lapse);
  }

  Optional<Citation> kind(ViolationKind kind) {
    return Optional.ofNullable(kinds.get(kind));
  }

  static SupervisionRules of(PolicyProfile profile) {
    String file = profile.source();
    Map<String, Object> block = profile.supervision();
    if (block.isEmpty()) {
      throw new PolicyException(file + ": supervision block missing (R29, docs/supervision.md)");
    }
    Map<ViolationKind, Citation> kinds = new EnumMap<>(ViolationKind.class);
    Object kindBlock = block.get("kinds");
    if (!(kindBlock instanceof Map<?, ?> kindMap)) {
      throw new PolicyException(file + ": supervision.kinds must be a mapping of violation kinds");
    }
    for (Map.Entry<?, ?> entry : kindMap.entrySet()) {
      ViolationKind kind;
      try {
        kind = ViolationKind.valueOf(String.valueOf(entry.getKey()));
      } catch (IllegalArgumentException e) {
        throw new PolicyException(file + ": supervision.kinds." + entry.getKey() + " is not a violation kind");
      }
      Map<?, ?> fields = mapping(file, "supervision.kinds." + kind, entry.getValue(), KIND_KEYS);
      kinds.put(kind, new Citation(text(file, "supervision.kinds." + kind + ".item", fields.get("item")),
          citation(file, "supervision.kinds." + kind, fields, profile)));
    }
    return new SupervisionRules(body(file, "order", block.get("order"), profile),
        block.get("lapse") == null ? null : body(file, "lapse", block.get("lapse"), profile),
        body(file, "breach-report", block.get("breach-report"), profile), kinds);
  }

  private static Body body(String file, String key, Object value, PolicyProfile profile) {
    Map<?, ?> fields = mapping(file, "supervision." + key, value, BODY_KEYS);
    Object group = fields.get("group");
    return new Body(text(file, "supervision." + key + ".body", fields.get("body")),
        group == null ? DEFAULT_GROUP : text(file, "supervision." + key + ".group", group),
        citation(file, "supervision." + key, fields, profile));
  }

  private static String citation(String file, String key, Map<?, ?> fields, PolicyProfile profile) {
    String regulation = fields.get("regulation") == null ? profile.regulation()
        : text(file, key + ".regulation", fields.get("regulation"));
    return regulation + text(file, key + ".article", fields.get("article"));
  }

  private static Map<?, ?> mapping(String file, String key, Object value, Set<String> allowed) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new PolicyException(file + ": " + key + " must be a mapping");
    }
    for (Object name : map.keySet()) {
      if (!allowed.contains(String.valueOf(name))) {
        throw new PolicyException(file + ": unknown key " + key + "." + name + " (allowed: " + allowed + ")");
      }
    }
    return map;
  }

  private static String text(String file, String key, Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new PolicyException(file + ": " + key + " must be a non-blank text");
    }
    return text.strip();
  }
}
