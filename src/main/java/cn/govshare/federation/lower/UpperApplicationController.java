package cn.govshare.federation.lower;

import cn.govshare.org.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform operator's side of R24 on the lower platform: the applications to the upper platform (gathering,
 * in the outbox, delivered, answered), gathering several into one 整体授权 application (nanchang 16), sending one
 * now, and synchronising the upper catalogue on demand.
 */
@Tag(name = "上级平台转交", description = "向上级平台转交申请、整体授权汇总和上级目录同步（R24）")
@RestController
@RequestMapping("/api/federation")
class UpperApplicationController {

  private final UpperForwardings forwardings;
  private final UpperCatalogSync sync;

  UpperApplicationController(UpperForwardings forwardings, UpperCatalogSync sync) {
    this.forwardings = forwardings;
    this.sync = sync;
  }

  @Operation(operationId = "listUpperApplications", summary = "向上级平台转交的申请（含整体授权汇总）")
  @GetMapping("/upper-applications")
  List<ForwardingView> list(Caller caller, @RequestParam(required = false) ForwardingState state) {
    return forwardings.list(caller, state).stream().map(this::view).toList();
  }

  @Operation(operationId = "mergeUpperApplications", summary = "汇总为整体授权申请（并入其他转交申请）")
  @PostMapping("/upper-applications/{id}/merge")
  ForwardingView merge(Caller caller, @PathVariable long id, @RequestBody MergeBody body) {
    return view(forwardings.merge(caller, id, body.applications()));
  }

  @Operation(operationId = "sendUpperApplication", summary = "立即转交上级平台")
  @PostMapping("/upper-applications/{id}/send")
  ForwardingView send(Caller caller, @PathVariable long id) {
    return view(forwardings.send(caller, id));
  }

  @Operation(operationId = "syncUpperCatalog", summary = "同步上级平台资源目录")
  @PostMapping("/upper-catalog/sync")
  UpperCatalogSync.SyncResult sync(Caller caller) {
    return sync.sync(caller);
  }

  private ForwardingView view(Forwarding f) {
    return new ForwardingView(f.id(), "UA-" + f.id(), f.resourceCode(), f.upperCode(), f.purpose(),
        UpperForwardings.split(f.requestedFields()), f.state(), f.state().label(), f.gatherUntil(), f.attempts(),
        f.nextAttemptAt(), f.lastError(), f.upperReference(), f.upperStatus(), f.deliveredAt(), f.answeredAt(),
        forwardings.members(f.id()).stream().map(m -> new MemberView(m.requestId(), m.department())).toList());
  }

  /** POST …/merge: the applications to gather into this one. */
  record MergeBody(List<Long> applications) {
  }

  /** One application to the upper platform as the operator sees it; several requests = 整体授权. */
  record ForwardingView(long id, String reference, String resourceCode, String upperCode, String purpose,
      List<String> requestedFields, ForwardingState state, String stateLabel, Instant gatherUntil, int attempts,
      Instant nextAttemptAt, String lastError, String upperReference, String upperStatus, Instant deliveredAt,
      Instant answeredAt, List<MemberView> requests) {
  }

  /** A city request carried by the application. */
  record MemberView(long requestId, String department) {
  }
}
