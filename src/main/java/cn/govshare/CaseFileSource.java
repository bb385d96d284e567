package cn.govshare;

import java.util.Optional;

/**
 * A feature that owns a case type tells what its case file holds (share requests, disputes, corrections …).
 * Reads the feature's own rows by the process instance that runs the case.
 */
public interface CaseFileSource {

  Optional<CaseFile> byProcessInstance(String processInstanceId);

  /**
   * The case of a task created while its instance starts, when the feature may not have written the instance's id
   * to its row yet; a feature that writes it afterwards finds the row by the business key it chose.
   */
  default Optional<CaseFile> whileStarting(String processInstanceId, String businessKey) {
    return byProcessInstance(processInstanceId);
  }

  /**
   * What Tasklist's list shows of the case of a new task (issue 20), as {@link #whileStarting} finds it. A source
   * whose case file reads more than the case's own row (e.g. every step) may answer from the row alone (issue 25:
   * every new task asked for it).
   */
  default Optional<Heading> headingWhileStarting(String processInstanceId, String businessKey) {
    return whileStarting(processInstanceId, businessKey).map(f -> new Heading(f.businessKey(), f.requester(),
        f.resource()));
  }

  /** The case number, the requesting department and the resource, as in {@link CaseFile}. */
  record Heading(String businessKey, String requester, String resource) {
  }
}
