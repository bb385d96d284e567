package cn.govshare.correction;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import cn.govshare.FormRejection;
import cn.govshare.deadline.DeadlinePeriods;
import cn.govshare.org.Groups;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A correction found by the process instance that runs it (issue 18): the parties, the candidate groups and
 * the verify period come from gs_correction, never from a process variable. Named {@code correctionCases} for
 * the BPMN: {@code ${correctionCases.provider(execution)}}.
 */
@Component("correctionCases")
public class CorrectionCases implements CaseDirectory, DeadlinePeriods {

  static final String TYPE = "correction";
  static final Set<String> TIMED_TASKS = Set.of(CorrectionTaskChecks.VERIFY, CorrectionTaskChecks.APPROVE);

  private final CorrectionMapper mapper;

  CorrectionCases(CorrectionMapper mapper) {
    this.mapper = mapper;
  }

  /** Its rows name instances of these processes only (issue 25: the task audit asks this directory for them). */
  @Override
  public Set<String> processKeys() {
    return Set.of(Corrections.PROCESS);
  }

  @Override
  public Optional<CaseRef> byProcessInstance(String processInstanceId) {
    return mapper.findByProcessInstance(processInstanceId).map(CorrectionCases::ref);
  }

  @Override
  public Map<String, CaseRef> byProcessInstances(Collection<String> processInstanceIds) {
    return CaseDirectory.byInstance(mapper.findByProcessInstances(processInstanceIds), Correction::processInstanceId,
        CorrectionCases::ref);
  }

  private static CaseRef ref(Correction c) {
    return new CaseRef(TYPE, c.id(), c.businessKey(), c.departments());
  }

  /**
   * R22: the verify period runs from receipt plus the extensions the head approved, through the head's
   * decision too (the period does not stop while an extension is asked for).
   */
  @Override
  public Optional<Period> period(String processInstanceId, String taskKey) {
    if (!TIMED_TASKS.contains(taskKey)) {
      return Optional.empty();
    }
    return mapper.findByProcessInstance(processInstanceId).map(c -> new Period(c.reportedAt(), c.extensionDays(), c.providerDept()));
  }

  /** Candidate group of {@code verifyData}: the department responsible for the resource (R22 提供部门). */
  public String provider(DelegateExecution execution) {
    return of(execution.getProcessInstanceId()).providerDept();
  }

  /** Candidate group of {@code approveExtension}: the provider's head (R22 提供部门负责人). */
  public String providerHead(DelegateExecution execution) {
    return Groups.head(provider(execution));
  }

  /** Gateway after {@code verifyData}: the provider asked for more time. */
  public boolean awaitingHead(DelegateExecution execution) {
    return of(execution.getProcessInstanceId()).status() == CorrectionStatus.AWAITING_HEAD;
  }

  /** Gateway after {@code approveExtension}: the head agreed. */
  public boolean headApproved(DelegateExecution execution) {
    return of(execution.getProcessInstanceId()).status() == CorrectionStatus.HEAD_APPROVED;
  }

  Correction of(String processInstanceId) {
    return mapper.findByProcessInstance(processInstanceId).orElseThrow(() -> new FormRejection(null,
        "流程实例 " + processInstanceId + " 没有对应的疑义校核记录：疑义须经 POST /api/corrections 提出（R22）"));
  }

  /**
   * Process start: binds the instance to the case named by its business key, once. A data-correction started
   * any other way (no case, or a case that already has its process) is refused: no process without a case.
   */
  void bind(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    long id;
    try {
      id = key != null && key.startsWith(Correction.KEY_PREFIX)
          ? Long.parseLong(key.substring(Correction.KEY_PREFIX.length())) : -1;
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (id < 0 || mapper.bindProcess(id, execution.getProcessInstanceId()) != 1) {
      throw new FormRejection("businessKey", "疑义校核须经 POST /api/corrections 提出，不能直接启动流程（R22）");
    }
  }
}
