package cn.govshare.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.deadline.DeadlineView;
import cn.govshare.deadline.Deadlines;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "共享申请", description = "申请使用其他部门的数据并跟踪办理（R10–R16）")
@RestController
@RequestMapping("/api/share-requests")
class ShareRequestController {

  private final ShareRequests requests;
  private final Deadlines deadlines;
  private final Notifications notifications;
  private final Grants grants;

  private final ObjectProvider<UpperProgressSource> upper;

  ShareRequestController(ShareRequests requests, Deadlines deadlines, Notifications notifications, Grants grants,
      ObjectProvider<UpperProgressSource> upper) {
    this.upper = upper;
    this.requests = requests;
    this.deadlines = deadlines;
    this.notifications = notifications;
    this.grants = grants;
  }

  @Operation(operationId = "submitShareRequest", summary = "提交共享申请")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  SubmittedShareRequest submit(@Valid @RequestBody NewShareRequest body, Caller caller) {
    if (body.requestedFields() != null
        && String.join(",", body.requestedFields()).length() > NewShareRequest.MAX_REQUESTED_FIELDS) {
      throw ApiException.badRequest("requestedFields",
          "requestedFields 合计不能超过 " + NewShareRequest.MAX_REQUESTED_FIELDS + " 个字符");
    }
    ShareRequest created = requests.submit(caller, body);
    return new SubmittedShareRequest(created.id(), created.businessKey(), created.status(), created.statusLabel(),
        created.processInstanceId(), created.grantId());
  }

  /** What POST answers: the request's number, where it stands, and its grant when no review was needed (R10). */
  record SubmittedShareRequest(Long id, String businessKey, RequestStatus status, String statusLabel,
      String processInstanceId, Long grantId) {
  }

  @Operation(operationId = "listShareRequests", summary = "本部门的共享申请")
  @GetMapping
  List<ShareRequest> list(Caller caller, @RequestParam(defaultValue = "false") boolean mine) {
    return requests.ofDepartment(caller, mine);
  }

  /** Status, every step with who, when, outcome, due and the rule with its article; what the applicant was told. */
  @Operation(operationId = "getShareRequest", summary = "查看共享申请：状态、各环节、期限、授权和告知")
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
        timed, notifications.about("SHARE_REQUEST", String.valueOf(id)),
        upper.stream().map(source -> source.progress(id)).filter(Objects::nonNull).findFirst().orElse(null));
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
