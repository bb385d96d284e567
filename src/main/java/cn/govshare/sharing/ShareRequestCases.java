package cn.govshare.sharing;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import cn.govshare.deadline.DeadlinePeriods;
import cn.govshare.org.Groups;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Share requests as cases: found by their process instance in gs_share_request, with both departments
 * concerned; and the answer period of the provider's task as the request records it (issue 18).
 * Asked first among the directories (issue 25): most cases are share requests, and the callers that take the
 * first answer (engine-level audit records, breach reports, 催办) then skip the other features' lookups.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShareRequestCases implements CaseDirectory, DeadlinePeriods {

  static final String TYPE = "share-request";

  private final SharingMapper mapper;

  ShareRequestCases(SharingMapper mapper) {
    this.mapper = mapper;
  }

  /** Its rows name instances of these processes only (issue 25: the task audit asks this directory for them). */
  @Override
  public Set<String> processKeys() {
    return Set.of(ShareRequests.PROCESS);
  }

  @Override
  public Optional<CaseRef> byProcessInstance(String processInstanceId) {
    return Optional.ofNullable(processInstanceId).map(mapper::findRequestByInstance).map(ShareRequestCases::ref);
  }

  @Override
  public Map<String, CaseRef> byProcessInstances(Collection<String> processInstanceIds) {
    return CaseDirectory.byInstance(mapper.findRequestsByInstances(processInstanceIds),
        ShareRequest::processInstanceId, ShareRequestCases::ref);
  }

  private static CaseRef ref(ShareRequest r) {
    return new CaseRef(TYPE, r.id(), r.businessKey(), Set.of(r.applicantDept(), r.providerDept()));
  }

  /** R13, national 20, 21: the provider's answer (sub-process providerAnswer) runs from receipt (or from complete materials), plus approved extensions. */
  @Override
  public Optional<Period> period(String processInstanceId, String taskKey) {
    ShareRequest request = processInstanceId == null ? null : mapper.findRequestByInstance(processInstanceId);
    if (request == null) {
      return Optional.empty();
    }
    if (UpperRequests.FORWARD_SCOPE.equals(taskKey)) {
      // R24, nanchang 14: check and forwarding share one period from receipt; the platform owes it
      return Optional.of(new Period(request.submittedAt(), 0, Groups.PLATFORM_OPERATORS));
    }
    if (!ShareRequestProcess.ANSWER_SCOPE.equals(taskKey)) {
      return Optional.of(Period.fromTaskCreation());
    }
    AnswerPeriod answer = mapper.findAnswerPeriod(request.id());
    return Optional.of(new Period(answer.receivedAt(), answer.extensionDays(), request.providerDept()));
  }
}
