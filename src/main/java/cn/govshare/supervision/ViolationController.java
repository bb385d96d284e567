package cn.govshare.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.ApiException;
import cn.govshare.org.Caller;
import java.util.ArrayList;
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

/** The violation register (R29): departments read their own, supervisors and the general office all. */
@Tag(name = "违规登记", description = "违规登记（R29）")
@RestController
@RequestMapping("/api/violations")
class ViolationController {

  private final Violations violations;

  ViolationController(Violations violations) {
    this.violations = violations;
  }

  @Operation(operationId = "listViolations", summary = "违规记录列表（本部门；监督人员和办公厅可看全部）")
  @GetMapping
  List<Map<String, Object>> list(Caller caller, @RequestParam(required = false) String dept,
      @RequestParam(required = false) ViolationKind kind, @RequestParam(required = false) Integer year) {
    if (year != null && (year < 2000 || year > 2100)) {
      throw ApiException.badRequest("year", "year 须在 2000..2100 之间: " + year);
    }
    return violations.list(caller, dept, kind, year).stream().map(ViolationController::json).toList();
  }

  @Operation(operationId = "getViolation", summary = "一条违规记录及其证据")
  @GetMapping("/{id}")
  Map<String, Object> one(Caller caller, @PathVariable long id) {
    return json(violations.visible(caller, id));
  }

  @Operation(operationId = "recordViolation", summary = "登记需判断的违规（监督人员、办公厅）")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> record(Caller caller, @RequestBody NewViolation body) {
    return json(violations.recordJudged(caller, body));
  }

  /** The record with its kind in Chinese and its evidence as links a reader can follow. */
  static Map<String, Object> json(Violation v) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", v.id());
    json.put("kind", v.kind());
    json.put("kindName", v.kind().chinese());
    json.put("department", v.department());
    json.put("rule", v.rule());
    json.put("item", v.item());
    json.put("citation", v.citation());
    json.put("profile", v.profile());
    json.put("summary", v.summary());
    json.put("recordedAt", v.recordedAt());
    json.put("recordedBy", v.recordedBy());
    json.put("bySystem", v.bySystem());
    json.put("withdrawnAt", v.withdrawnAt());
    json.put("withdrawnReason", v.withdrawnReason());
    List<Map<String, String>> evidence = new ArrayList<>();
    if (v.caseLink() != null) {
      evidence.add(Map.of("label", "案件", "href", v.caseLink()));
    }
    if (v.deadlineId() != null) {
      evidence.add(Map.of("label", "时限记录", "href", "/api/deadlines/" + v.deadlineId()));
    }
    if (v.auditEvidence() != null) {
      evidence.add(Map.of("label", "审计记录", "ref", v.auditEvidence(), "href", "/api/audit?dept=" + v.department()));
    }
    json.put("evidence", evidence);
    return json;
  }
}
