package cn.govshare;

import java.util.Optional;

/**
 * Finds a case by the process instance that runs it. Each feature that owns a case type provides one
 * (a Spring bean); engine-level guards and the audit ask every directory. Reads GovShare's own tables only.
 */
public interface CaseDirectory {

  Optional<CaseRef> byProcessInstance(String processInstanceId);
}
