package cn.govshare.dispute;

import cn.govshare.deadline.Deadlines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "争议协调", description = "协商、协调、裁决（R18、R19、R23）")
@RestController
@RequestMapping("/api/disputes")
class DisputeController {

  private final Disputes disputes;
  private final Deadlines deadlines;

  DisputeController(Disputes disputes, Deadlines deadlines) {
    this.disputes = disputes;
    this.deadlines = deadlines;
  }

  @Operation(operationId = "listDisputes", summary = "可查看的争议")
  @GetMapping
  List<Dispute> list(Caller caller) {
    return disputes.list(caller);
  }

  @Operation(operationId = "getDispute", summary = "查看争议及其各环节意见")
  @GetMapping("/{id}")
  Map<String, Object> get(@PathVariable long id, Caller caller) {
    Dispute dispute = disputes.visible(caller, id);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("dispute", dispute);
    answer.put("steps", disputes.steps(id));
    answer.put("filings", disputes.filings(id));
    // each step's deadline row, with its 催办 (issue 23)
    answer.put("deadlines", dispute.processInstanceId() == null ? List.of()
        : deadlines.forProcessInstance(dispute.processInstanceId()));
    return answer;
  }

  @Operation(operationId = "reportDataConflict", summary = "报告两个提供部门数据不一致（R23）")
  @PostMapping("/data-conflicts")
  @ResponseStatus(HttpStatus.CREATED)
  Dispute dataConflict(@Valid @RequestBody DataConflict body, Caller caller) {
    return disputes.reportDataConflict(caller, body.resourceCode(), body.otherResourceCode(), body.description());
  }

  /** Lengths of gs_dispute's columns: a longer value is refused, never cut (R23, issue 18). */
  record DataConflict(
      @Size(max = 64, message = "不能超过 {max} 个字符") String resourceCode,
      @Size(max = 64, message = "不能超过 {max} 个字符") String otherResourceCode,
      @Size(max = 2000, message = "不能超过 {max} 个字符") String description) {
  }
}
