package cn.govshare.catalog;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Catalogue cases found by their process instance in GovShare's own tables: a law-change update
 * obligation (R6, {@code catalog-update}) or a submission under review (R7, {@code catalog-review}).
 * Also gives the BPMN the department that acts ({@code ${catalogCases.obligationDepartment(execution)}}),
 * from the obligation row, never from a process variable.
 */
@Component("catalogCases")
public class CatalogCases implements CaseDirectory {

  static final String OBLIGATION = "catalog-obligation";
  static final String CHANGE = "catalog-change";
  static final String BUSINESS_KEY_PREFIX = "obligation#";

  private final CatalogMapper mapper;

  CatalogCases(CatalogMapper mapper) {
    this.mapper = mapper;
  }

  /** Its rows name instances of these processes only (issue 25: the task audit asks this directory for them). */
  @Override
  public Set<String> processKeys() {
    return Set.of(UpdateObligations.PROCESS, CatalogChanges.PROCESS);
  }

  @Override
  public Optional<CaseRef> byProcessInstance(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    UpdateObligation obligation = mapper.findObligationByProcess(processInstanceId);
    if (obligation != null) {
      return Optional.of(ref(obligation));
    }
    CatalogChange change = mapper.findChangeByProcess(processInstanceId);
    return Optional.ofNullable(change).map(this::ref);
  }

  /** An obligation before a change, as {@link #byProcessInstance}: one query each. */
  @Override
  public Map<String, CaseRef> byProcessInstances(Collection<String> processInstanceIds) {
    Map<String, CaseRef> found = new HashMap<>(CaseDirectory.byInstance(
        mapper.findObligationsByProcesses(processInstanceIds), UpdateObligation::processInstanceId, CatalogCases::ref));
    List<String> rest = processInstanceIds.stream().filter(id -> !found.containsKey(id)).toList();
    if (!rest.isEmpty()) {
      CaseDirectory.byInstance(mapper.findChangesByProcesses(rest), CatalogChange::processInstanceId, this::ref)
          .forEach(found::putIfAbsent);
    }
    return found;
  }

  private static CaseRef ref(UpdateObligation obligation) {
    return new CaseRef(OBLIGATION, obligation.id(), BUSINESS_KEY_PREFIX + obligation.id(),
        Set.of(obligation.department()));
  }

  private CaseRef ref(CatalogChange change) {
    CatalogResource resource = underReview(change.resourceCode());
    return new CaseRef(CHANGE, change.id(), change.resourceCode(),
        resource == null ? Set.of() : Set.of(resource.responsibleDepartment()));
  }

  /** The entry as submitted for review (its pending revision), else as it stands; null for an unknown code. */
  CatalogResource underReview(String code) {
    CatalogResource pending = mapper.findResource(code, CatalogMapper.PENDING);
    return pending != null ? pending : mapper.findResource(code, CatalogMapper.CURRENT);
  }

  /** R6: the responsible department of the obligation this process instance runs. */
  public String obligationDepartment(DelegateExecution execution) {
    return obligation(execution).department();
  }

  /**
   * R7: when the reviewed change takes effect (null: at once), from the change row — the BPMN's gateway and
   * timer read it here, never from a process variable.
   */
  public Date effectiveAt(DelegateExecution execution) {
    CatalogChange change = mapper.findChangeByProcess(execution.getProcessInstanceId());
    if (change == null) {
      throw new ProcessEngineException("流程实例 " + execution.getProcessInstanceId() + " 不是目录审核（R7）");
    }
    return change.effectiveAt() == null ? null : Date.from(change.effectiveAt());
  }

  UpdateObligation obligation(DelegateExecution execution) {
    UpdateObligation obligation = mapper.findObligationByProcess(execution.getProcessInstanceId());
    String key = execution.getProcessBusinessKey();
    if (obligation == null && key != null && key.matches(BUSINESS_KEY_PREFIX + "\\d{1,18}")) {
      // the first task is created while the instance starts, before its id is written to the row
      UpdateObligation byKey = mapper.findObligation(Long.parseLong(key.substring(BUSINESS_KEY_PREFIX.length())));
      if (byKey != null && byKey.processInstanceId() == null) {
        obligation = byKey;
      }
    }
    if (obligation == null) {
      throw new ProcessEngineException("流程实例 " + execution.getProcessInstanceId() + " 不是目录更新任务（R6）");
    }
    return obligation;
  }
}
