package cn.govshare.trust;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import cn.govshare.audit.AuditTrail;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit records of engine-level actions (job changes, variable writes) against the case they really touch: the
 * case is found by its process instance in GovShare's own records (every {@link CaseDirectory}), the actor's name
 * in the administrator-maintained identity (R26). A refusal is recorded in its own transaction: the refused
 * command rolls back, its record stays.
 */
@Component
public class CaseAudit {

  static final Caller SYSTEM = new Caller("system", "系统", null, Set.of());

  private final ObjectProvider<CaseDirectory> directories;
  private final AuditTrail audit;
  private final CallerResolver callers;
  private final TransactionTemplate separate;

  CaseAudit(ObjectProvider<CaseDirectory> directories, AuditTrail audit, CallerResolver callers,
      PlatformTransactionManager transactions) {
    this.directories = directories;
    this.audit = audit;
    this.callers = callers;
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** An accepted action, committed with it. {@code userId} null: the system. */
  public void accepted(String userId, String action, String processInstanceId, String detail) {
    record(userId, action, processInstanceId, AuditTrail.OK, detail);
  }

  /** A refused action: recorded now, whatever becomes of the command's transaction. */
  public void refused(String userId, String action, String processInstanceId, String detail) {
    separate.executeWithoutResult(status -> record(userId, action, processInstanceId, AuditTrail.REJECTED, detail));
  }

  /** The case a process instance runs, from GovShare's own records; empty for a process no feature owns. */
  public Optional<CaseRef> caseOf(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    return directories.orderedStream().map(d -> d.byProcessInstance(processInstanceId)).flatMap(Optional::stream)
        .findFirst();
  }

  /** {@link #caseOf} for several process instances: each directory asked once for all it has not been found in. */
  public Map<String, CaseRef> casesOf(Collection<String> processInstanceIds) {
    Map<String, CaseRef> found = new HashMap<>();
    Set<String> rest = processInstanceIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    askInOrder(directories.orderedStream().toList(), rest, found);
    return found;
  }

  /**
   * {@link #casesOf(Collection)} knowing each instance's process key (a breach batch, issue 25): the directories that
   * name the key are asked first, once for all its instances (one lookup, not one per feature, as for a completed
   * task's audit); an instance they do not know, or of a process no directory names, is asked of every directory.
   */
  public Map<String, CaseRef> casesOf(Map<String, String> processKeyByInstance) {
    List<CaseDirectory> all = directories.orderedStream().toList();
    Map<String, CaseRef> found = new HashMap<>();
    Map<String, Set<String>> byKey = new HashMap<>();
    processKeyByInstance.forEach((instance, key) -> {
      if (instance != null && key != null) {
        byKey.computeIfAbsent(key, k -> new HashSet<>()).add(instance);
      }
    });
    byKey.forEach((key, instances) -> askInOrder(CaseDirectory.askedFirst(all, key), instances, found));
    Set<String> rest = processKeyByInstance.keySet().stream().filter(Objects::nonNull)
        .filter(instance -> !found.containsKey(instance)).collect(Collectors.toSet());
    askInOrder(all, rest, found);
    return found;
  }

  private static void askInOrder(List<CaseDirectory> directories, Set<String> rest, Map<String, CaseRef> found) {
    for (CaseDirectory directory : directories) {
      if (rest.isEmpty()) {
        return;
      }
      directory.byProcessInstances(rest).forEach(found::putIfAbsent);
      rest.removeAll(found.keySet());
    }
  }

  private void record(String userId, String action, String processInstanceId, String outcome, String detail) {
    Caller actor = userId == null ? SYSTEM : callers.resolve(userId);
    Optional<CaseRef> found = caseOf(processInstanceId);
    String text = detail + (processInstanceId == null ? "" : "；流程实例 " + processInstanceId);
    if (found.isPresent()) {
      CaseRef ref = found.get();
      audit.record(actor, action, ref.type(), String.valueOf(ref.id()), outcome,
          text + (ref.businessKey() == null ? "" : "（" + ref.businessKey() + "）"), ref.departments());
    } else {
      audit.record(actor, action, "PROCESS_INSTANCE", processInstanceId, outcome, text, Set.of());
    }
  }
}
