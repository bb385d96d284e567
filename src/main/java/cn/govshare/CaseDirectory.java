package cn.govshare;

import java.util.Optional;
import java.util.Set;

/**
 * Finds a case by the process instance that runs it. Each feature that owns a case type provides one
 * (a Spring bean); engine-level guards and the audit ask every directory. Reads GovShare's own tables only.
 */
public interface CaseDirectory {

  Optional<CaseRef> byProcessInstance(String processInstanceId);

  /**
   * The keys of the processes this feature starts for its cases (its rows name instances of these only). Issue 25:
   * the audit of a completed task asks the directories of its process; a process no directory names (one an
   * administrator deployed) is asked of every directory. Empty: not declared, asked for every process.
   */
  default Set<String> processKeys() {
    return Set.of();
  }
}
