package cn.govshare.sharing;

import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.org.Groups;
import cn.govshare.policy.ActivePolicy;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who acts next in conditional-share-request, read from the request's own row found by the process
 * instance (issue 18: never from a variable a user can write). Named for BPMN expressions, e.g.
 * {@code camunda:candidateGroups="${shareRequestParties.provider(execution)}"}.
 */
@Component("shareRequestParties")
public class ShareRequestParties {

  private final SharingMapper mapper;
  private final ActivePolicy policy;
  private final WorkingCalendar calendar;
  private final Clock clock;

  ShareRequestParties(SharingMapper mapper, ActivePolicy policy, WorkingCalendar calendar, Clock clock) {
    this.mapper = mapper;
    this.policy = policy;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The request this process instance runs; a process with none behind it stops here. */
  ShareRequest request(DelegateExecution execution) {
    ShareRequest request = mapper.findRequestByInstance(execution.getProcessInstanceId());
    if (request == null) {
      throw new ProcessEngineException("流程实例 " + execution.getProcessInstanceId() + " 没有对应的共享申请");
    }
    return request;
  }

  public String provider(DelegateExecution execution) {
    return request(execution).providerDept();
  }

  public String providerHead(DelegateExecution execution) {
    return Groups.head(request(execution).providerDept());
  }

  public String applicant(DelegateExecution execution) {
    return request(execution).applicantDept();
  }

  public String applicantHead(DelegateExecution execution) {
    return Groups.head(request(execution).applicantDept());
  }

  /** DIRECT (R15 platform), UNCONDITIONAL (national 21) or REVIEW, fixed when the request was routed. */
  public String route(DelegateExecution execution) {
    return mapper.findRoute(request(execution).id());
  }

  public String status(DelegateExecution execution) {
    return request(execution).status().name();
  }

  /**
   * The end of the applicant's window to contest a refusal (R13-CONTEST, from the profile): a right, not a
   * duty, so its lapse closes the request instead of raising a breach.
   */
  public Date contestWindowEnds(DelegateExecution execution) {
    return Date.from(calendar.due(clock.instant(), policy.limit("R13-CONTEST").amount()).dueAt());
  }
}
