package cn.govshare.sharing;

import cn.govshare.deadline.DeadlineView;
import cn.govshare.deadline.Deadlines;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/share-requests")
class ShareRequestController {

  private final ShareRequests requests;
  private final Deadlines deadlines;
  private final Notifications notifications;
  private final Grants grants;

  ShareRequestController(ShareRequests requests, Deadlines deadlines, Notifications notifications, Grants grants) {
    this.requests = requests;
    this.deadlines = deadlines;
    this.notifications = notifications;
    this.grants = grants;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> submit(@Valid @RequestBody NewShareRequest body, Caller caller) {
    if (body.requestedFields() != null
        && String.join(",", body.requestedFields()).length() > NewShareRequest.MAX_REQUESTED_FIELDS) {
      throw ApiException.badRequest("requestedFields",
          "requestedFields 合计不能超过 " + NewShareRequest.MAX_REQUESTED_FIELDS + " 个字符");
    }
    ShareRequest created = requests.submit(caller, body);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", created.id());
    answer.put("businessKey", created.businessKey());
    answer.put("status", created.status());
    answer.put("processInstanceId", created.processInstanceId());
    answer.put("grantId", created.grantId());
    return answer;
  }

  @GetMapping
  List<ShareRequest> list(Caller caller, @RequestParam(defaultValue = "false") boolean mine) {
    return requests.ofDepartment(caller, mine);
  }

  /** Status, every step with who, when, outcome, due and the rule with its article; what the applicant was told. */
  @GetMapping("/{id}")
  ShareRequestDetail get(@PathVariable long id, Caller caller) {
    ShareRequest request = requests.visible(caller, id);
    List<DeadlineView> timed = request.processInstanceId() == null ? List.of()
        : deadlines.forProcessInstance(request.processInstanceId());
    return new ShareRequestDetail(request, request.id(), request.businessKey(), request.status(),
        request.statusLabel(), request.resourceCode(), request.resourceName(), request.purpose(),
        request.purposeLabel(), request.processInstanceId(), request.grantId(), grants.ofRequest(request),
        request.outcomeReason(), request.disputeRef(),
        requests.steps(id).stream().map(step -> ShareRequestStepView.of(step, deadlineOf(step, timed))).toList(),
        timed, notifications.about("SHARE_REQUEST", String.valueOf(id)));
  }

  /** A task inside providerAnswer shows the sub-process's period, the one running when the step was taken. */
  private static DeadlineView deadlineOf(RequestStep step, List<DeadlineView> timed) {
    return timed.stream().filter(d -> d.taskId().equals(step.taskId())
            || ShareRequestProcess.ANSWER_SCOPE_TASKS.contains(step.step())
                && ShareRequestProcess.ANSWER_SCOPE.equals(d.taskDefinitionKey()) && !d.startedAt().isAfter(step.at()))
        .reduce((first, last) -> ownRowFirst(first, last, step.taskId())).orElse(null);
  }

  /** The task's own row if it has one, else the latest period row. */
  private static DeadlineView ownRowFirst(DeadlineView first, DeadlineView last, String taskId) {
    return first.taskId().equals(taskId) ? first : last;
  }
}
