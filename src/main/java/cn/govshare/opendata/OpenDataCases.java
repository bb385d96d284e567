package cn.govshare.opendata;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import cn.govshare.FormRejection;
import cn.govshare.deadline.DeadlinePeriods;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * An open-data request found by the process instance that runs it: who answers (the provider department of the
 * resource, as filed) and from when the 5 WD run (the day it was received) come from gs_open_data_request, never
 * from a process variable. Named {@code openDataCases} for the BPMN.
 */
@Component("openDataCases")
public class OpenDataCases implements CaseDirectory, DeadlinePeriods {

  static final String TYPE = "open-data-request";

  private final OpenDataMapper mapper;

  OpenDataCases(OpenDataMapper mapper) {
    this.mapper = mapper;
  }

  /** Its rows name instances of these processes only (issue 25: the task audit asks this directory for them). */
  @Override
  public Set<String> processKeys() {
    return Set.of(OpenDataRequests.PROCESS);
  }

  @Override
  public Optional<CaseRef> byProcessInstance(String processInstanceId) {
    return mapper.findByProcessInstance(processInstanceId).map(OpenDataCases::ref);
  }

  @Override
  public Map<String, CaseRef> byProcessInstances(Collection<String> processInstanceIds) {
    return CaseDirectory.byInstance(mapper.findByProcessInstances(processInstanceIds),
        OpenDataRequest::processInstanceId, OpenDataCases::ref);
  }

  private static CaseRef ref(OpenDataRequest r) {
    return new CaseRef(TYPE, r.id(), r.businessKey(), Set.of(r.provider()));
  }

  /** R25, nanchang 21: 自收到申请之日起5个工作日内 — from the request's receipt. */
  @Override
  public Optional<Period> period(String processInstanceId, String taskKey) {
    if (!OpenDataTaskChecks.REVIEW.equals(taskKey)) {
      return Optional.empty();
    }
    return mapper.findByProcessInstance(processInstanceId).map(r -> new Period(r.submittedAt(), 0, r.provider()));
  }

  /** Candidate group of {@code openDataReview}: the department responsible for the resource. */
  public String provider(DelegateExecution execution) {
    return of(execution.getProcessInstanceId()).provider();
  }

  /** Gateway after the review: the provider agreed to open the data. */
  public boolean approved(DelegateExecution execution) {
    return of(execution.getProcessInstanceId()).state() == OpenDataState.APPROVED;
  }

  OpenDataRequest of(String processInstanceId) {
    return mapper.findByProcessInstance(processInstanceId).orElseThrow(() -> new FormRejection(null,
        "流程实例 " + processInstanceId + " 没有对应的开放数据申请：申请须经数据开放门户提出（R25）"));
  }

  /** Process start: binds the instance to the request named by its business key, once; any other start is refused. */
  void bind(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    long id;
    try {
      id = key != null && key.startsWith(OpenDataRequest.KEY_PREFIX)
          ? Long.parseLong(key.substring(OpenDataRequest.KEY_PREFIX.length())) : -1;
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (id < 0 || mapper.bindProcess(id, execution.getProcessInstanceId()) != 1) {
      throw new FormRejection("businessKey", "开放数据申请须经数据开放门户（POST /api/public/open-data-requests）提出，"
          + "不能直接启动流程（R25）");
    }
  }
}
