package cn.govshare.casefile;

import java.util.Optional;

/**
 * A feature that owns a case type tells what its case file holds (share requests, disputes, corrections …).
 * Reads the feature's own rows by the process instance that runs the case.
 */
public interface CaseFileSource {

  Optional<CaseFile> byProcessInstance(String processInstanceId);
}
