package cn.govshare.audit;

import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Validated
class AuditController {

  private final AuditTrail audit;

  AuditController(AuditTrail audit) {
    this.audit = audit;
  }

  /** Supervisors and administrators read all; a department reads the records that concern it (R26). */
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

  @GetMapping("/verify")
  Map<String, Object> verify(Caller caller) {
    if (!caller.isSupervisor() && !caller.isAdmin()) {
      throw ApiException.forbidden("只有监督人员和管理员可以校验审计链");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    audit.firstBroken().ifPresentOrElse(broken -> {
      result.put("intact", false);
      result.put("firstBrokenId", broken.id());
      result.put("detail", "审计记录 " + broken.id() + " 被篡改或链接断裂");
    }, () -> result.put("intact", true));
    return result;
  }
}
