package cn.govshare.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** R26: reading the audit trail, verifying the chain, anchoring its head and checking anchors. */
@Tag(name = "审计", description = "操作审计记录及其防篡改校验（R26）")
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditTrail audit;
  private final AuditAnchors anchors;

  AuditController(AuditTrail audit, AuditAnchors anchors) {
    this.audit = audit;
    this.anchors = anchors;
  }

  /**
   * Supervisors and administrators read all; a department reads the records that concern it (R26).
   * Method validation by Spring MVC itself (no class-level {@code @Validated}): a bad {@code limit} is a
   * 400 naming the parameter.
   */
  @Operation(operationId = "searchAudit", summary = "查询审计记录")
  @GetMapping
  List<AuditRecord> search(Caller caller, @RequestParam(required = false) String dept,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(defaultValue = "200") @Min(1) @Max(5000) int limit) {
    if (caller.isSupervisor() || caller.isAdmin()) {
      return audit.search(dept, from, to, limit);
    }
    if (caller.department() == null || (dept != null && !caller.belongsTo(dept))) {
      throw ApiException.forbidden("只能查看与本部门有关的审计记录");
    }
    return audit.search(caller.department(), from, to, limit);
  }

  /**
   * The whole chain up to its head; with {@code anchor} (a file name in the anchor directory) also the
   * database against that anchor.
   */
  @Operation(operationId = "verifyAuditChain", summary = "校验审计链")
  @GetMapping("/verify")
  Object verify(Caller caller, @RequestParam(required = false) String anchor) {
    requireAuditor(caller);
    if (anchor == null) {
      return audit.verify();
    }
    return anchors.check(anchors.read(anchor).orElseThrow(() -> ApiException.badRequest("anchor",
        "没有名为 " + anchor + " 的锚点文件（格式 audit-anchor-yyyyMMddTHHmmssZ.json）")));
  }

  /** An auditor's own copy of an anchor file, checked against this database. */
  @Operation(operationId = "verifyAuditAnchor", summary = "用外部保存的锚点校验审计链")
  @PostMapping("/verify")
  AnchorCheck verifyAnchor(Caller caller, @RequestBody Anchor anchor) {
    requireAuditor(caller);
    return anchors.check(anchor);
  }

  /** Anchors the head now (besides the daily schedule). */
  @Operation(operationId = "createAuditAnchor", summary = "立即生成审计锚点")
  @PostMapping("/anchors")
  @ResponseStatus(HttpStatus.CREATED)
  AuditAnchors.Written anchor(Caller caller) {
    if (!caller.isAdmin()) {
      throw ApiException.forbidden("只有管理员可以写入审计锚点");
    }
    return anchors.write(caller);
  }

  /** The public key that verifies anchors: public, so anyone can check an anchor they hold. */
  @Operation(operationId = "getAuditAnchorKey", summary = "审计锚点公钥")
  @GetMapping("/anchor-key")
  Map<String, String> anchorKey() {
    Map<String, String> key = new LinkedHashMap<>();
    key.put("algorithm", AnchorKeys.ALGORITHM);
    key.put("publicKey", anchors.publicKey());
    key.put("fingerprint", anchors.fingerprint());
    key.put("signedText", "format\\ncreatedAt\\nlastId\\ncount\\nheadHash\\nkeyId\\nchainIntact\\npublicKeyFingerprint");
    return key;
  }

  private static void requireAuditor(Caller caller) {
    if (!caller.isSupervisor() && !caller.isAdmin()) {
      throw ApiException.forbidden("只有监督人员和管理员可以校验审计链");
    }
  }
}
