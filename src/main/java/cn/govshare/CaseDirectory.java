package cn.govshare;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds a case by the process instance that runs it. Each feature that owns a case type provides one
 * (a Spring bean); engine-level guards and the audit ask every directory. Reads GovShare's own tables only.
 */
public interface CaseDirectory {

  Optional<CaseRef> byProcessInstance(String processInstanceId);

  /**
   * The cases of several process instances, keyed by process instance; those it does not know are absent. A
   * directory answers with one query where it can (a breach batch, issue 25).
   */
  default Map<String, CaseRef> byProcessInstances(Collection<String> processInstanceIds) {
    Map<String, CaseRef> found = new HashMap<>();
    processInstanceIds.forEach(id -> byProcessInstance(id).ifPresent(ref -> found.put(id, ref)));
    return found;
  }

  /** Rows of one query by process instance, each as its case. */
  static <T> Map<String, CaseRef> byInstance(List<T> rows, Function<T, String> instance, Function<T, CaseRef> ref) {
    Map<String, CaseRef> found = new HashMap<>();
    rows.forEach(row -> found.putIfAbsent(instance.apply(row), ref.apply(row)));
    return found;
  }

  /**
   * The keys of the processes this feature starts for its cases (its rows name instances of these only). Issue 25:
   * the audit of a completed task asks the directories of its process; a process no directory names (one an
   * administrator deployed) is asked of every directory. Empty: not declared, asked for every process.
   */
  default Set<String> processKeys() {
    return Set.of();
  }

  /**
   * The directories asked first for an instance of the process {@code processKey}: those that name it and those that
   * name no key, in order. Empty when none names it (or the key is not known): then every directory is asked.
   */
  static List<CaseDirectory> askedFirst(List<CaseDirectory> all, String processKey) {
    if (processKey == null || all.stream().noneMatch(d -> d.processKeys().contains(processKey))) {
      return List.of();
    }
    return all.stream().filter(d -> d.processKeys().isEmpty() || d.processKeys().contains(processKey)).toList();
  }
}
