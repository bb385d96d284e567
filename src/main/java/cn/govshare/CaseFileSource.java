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
}
