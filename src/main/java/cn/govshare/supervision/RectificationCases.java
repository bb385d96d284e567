package cn.govshare.supervision;

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
 * A rectification order found by the process instance that runs it: who answers (the department's head), who
 * reviews (the issuer's group) and from when the limit runs (issuance) come from gs_rectification_order, never
 * from a process variable. Named {@code rectificationCases} for the BPMN.
 */
@Component("rectificationCases")
public class RectificationCases implements CaseDirectory, DeadlinePeriods {

  static final String TYPE = "rectification-order";

  private final RectificationMapper mapper;

  RectificationCases(RectificationMapper mapper) {
    this.mapper = mapper;
  }

  /** Its rows name instances of these processes only (issue 25: the task audit asks this directory for them). */
  @Override
  public Set<String> processKeys() {
    return Set.of(RectificationOrders.PROCESS);
  }

  @Override
  public Optional<CaseRef> byProcessInstance(String processInstanceId) {
    return mapper.findByProcessInstance(processInstanceId).map(RectificationCases::ref);
  }

  @Override
  public Map<String, CaseRef> byProcessInstances(Collection<String> processInstanceIds) {
    return CaseDirectory.byInstance(mapper.findByProcessInstances(processInstanceIds),
        RectificationOrder::processInstanceId, RectificationCases::ref);
  }

  private static CaseRef ref(RectificationOrder o) {
    return new CaseRef(TYPE, o.id(), o.businessKey(), Set.of(o.department()));
  }

  /** R29: the limit runs from the order's issuance, also after the issuer sent the answer back. */
  @Override
  public Optional<Period> period(String processInstanceId, String taskKey) {
    if (!RectificationTaskChecks.ANSWER.equals(taskKey)) {
      return Optional.empty();
    }
    return mapper.findByProcessInstance(processInstanceId).map(o -> new Period(o.issuedAt(), 0, o.department()));
  }

  /** Candidate group of {@code answerRectification}: the head (负责人) of the department ordered. */
  public String head(DelegateExecution execution) {
    return Groups.head(of(execution.getProcessInstanceId()).department());
  }

  /** Candidate group of {@code reviewRectification}: the issuer's role (supervisors or general office). */
  public String issuer(DelegateExecution execution) {
    return of(execution.getProcessInstanceId()).issuerGroup();
  }

  /** Gateway after the review: the issuer accepted. */
  public boolean accepted(DelegateExecution execution) {
    return of(execution.getProcessInstanceId()).state() == RectificationState.ACCEPTED;
  }

  RectificationOrder of(String processInstanceId) {
    return mapper.findByProcessInstance(processInstanceId).orElseThrow(() -> new FormRejection(null,
        "流程实例 " + processInstanceId + " 没有对应的整改记录：责令改正须经 POST /api/rectification-orders 下达（R29）"));
  }

  /** Process start: binds the instance to the order named by its business key, once; any other start is refused. */
  void bind(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    long id;
    try {
      id = key != null && key.startsWith(RectificationOrder.KEY_PREFIX)
          ? Long.parseLong(key.substring(RectificationOrder.KEY_PREFIX.length())) : -1;
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (id < 0 || mapper.bindProcess(id, execution.getProcessInstanceId()) != 1) {
      throw new FormRejection("businessKey", "责令改正须经 POST /api/rectification-orders 下达，不能直接启动流程（R29）");
    }
  }
}
