package cn.govshare.federation.upper;

import cn.govshare.federation.api.FederationPaths;
import cn.govshare.federation.api.ForwardedApplication;
import cn.govshare.federation.api.UpperApplication;
import cn.govshare.federation.api.UpperApplications;
import cn.govshare.federation.api.UpperCatalog;
import cn.govshare.org.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Wire API v1 (docs/federation.md), for the service accounts of lower platforms only ({@link Peers}). */
@Tag(name = "上级平台接口", description = "下级平台同步上级资源目录、转报申请并跟踪办理结果（R24，版本 v1）")
@RestController
class FederationController {

  private final Peers peers;
  private final ForwardedApplications applications;
  private final UpperCatalogFeed catalog;

  FederationController(Peers peers, ForwardedApplications applications, UpperCatalogFeed catalog) {
    this.peers = peers;
    this.applications = applications;
    this.catalog = catalog;
  }

  @Operation(operationId = "federationCatalog", summary = "下级平台同步上级资源目录")
  @GetMapping(FederationPaths.CATALOG)
  UpperCatalog catalog(Caller caller,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant changedSince) {
    peers.require(caller);
    return catalog.since(changedSince);
  }

  @Operation(operationId = "federationForwardApplication", summary = "下级平台转报共享申请（含整体授权）")
  @PostMapping(FederationPaths.APPLICATIONS)
  ResponseEntity<UpperApplication> forward(Caller caller,
      @RequestHeader(name = FederationPaths.IDEMPOTENCY_KEY, required = false) String key,
      @RequestBody ForwardedApplication body) {
    Peer peer = peers.require(caller);
    try {
      ForwardedApplications.Received received = applications.receive(peer, caller, key, body);
      return ResponseEntity.status(received.created() ? HttpStatus.CREATED : HttpStatus.OK)
          .body(received.application());
    } catch (DuplicateKeyException e) {
      // the same forwarding arrived twice at once: the other call created it, this one repeats it
      return ResponseEntity.ok(applications.repeated(peer, key, body));
    }
  }

  @Operation(operationId = "federationApplication", summary = "下级平台查询转报申请的办理情况")
  @GetMapping(FederationPaths.APPLICATIONS + "/{id}")
  UpperApplication application(Caller caller, @PathVariable long id) {
    return applications.find(peers.require(caller), id);
  }

  @Operation(operationId = "federationApplicationChanges", summary = "下级平台轮询有变化的转报申请")
  @GetMapping(FederationPaths.APPLICATIONS)
  UpperApplications changes(Caller caller,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant changedSince) {
    return applications.changedSince(peers.require(caller), changedSince);
  }
}
