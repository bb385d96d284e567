package cn.govshare.supervision;

import cn.govshare.ApiException;
import cn.govshare.CaseFile;
import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** Rectification orders (责令改正, R29): issued by supervisors and the general office, read like violations. */
@RestController
@Tag(name = "责令改正")
@RequestMapping(RectificationController.PATH)
class RectificationController {

  static final String PATH = "/api/rectification-orders";

  private final RectificationOrders orders;
  private final RectificationTaskChecks tasks;
  private final RectificationAttachments attachments;

  RectificationController(RectificationOrders orders, RectificationTaskChecks tasks,
      RectificationAttachments attachments) {
    this.orders = orders;
    this.tasks = tasks;
    this.attachments = attachments;
  }

  @PostMapping
  @Operation(operationId = "issueRectificationOrder", summary = "责令改正：对违规记录下达整改要求（R29）")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> issue(Caller caller, @RequestBody NewRectificationOrder body) {
    return json(orders.issue(caller, body));
  }

  @GetMapping
  @Operation(operationId = "listRectificationOrders", summary = "整改记录列表（本部门；监督人员和办公厅可看全部）")
  List<Map<String, Object>> list(Caller caller, @RequestParam(required = false) String dept,
      @RequestParam(required = false) RectificationState state, @RequestParam(required = false) Integer year) {
    if (year != null && (year < 2000 || year > 2100)) {
      throw ApiException.badRequest("year", "year 须在 2000..2100 之间: " + year);
    }
    return orders.list(caller, dept, state).stream()
        .filter(o -> year == null || o.issuedAt().atZone(Zones.SHANGHAI).getYear() == year).map(this::json).toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getRectificationOrder", summary = "一条整改记录：期限、报送、审核和逾期情况")
  Map<String, Object> one(Caller caller, @PathVariable long id) {
    return json(orders.visible(caller, id));
  }

  /** A file of the answer, uploaded by the head holding the open answer task (forms have no file picker). */
  @PostMapping("/{id}/attachments")
  @Operation(operationId = "attachRectificationFile", summary = "上传整改材料（办理报送任务的部门负责人）")
  @ResponseStatus(HttpStatus.CREATED)
  CaseFile.Attachment attach(Caller caller, @PathVariable long id, @RequestBody NewRectificationAttachment body) {
    return attachments.attach(caller, id, body);
  }

  Map<String, Object> json(RectificationOrder order) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", order.id());
    json.put("businessKey", order.businessKey());
    json.put("violationId", order.violationId());
    json.put("violation", "/api/violations/" + order.violationId());
    json.put("department", order.department());
    json.put("requirement", order.requirement());
    json.put("state", order.state());
    json.put("issuedAt", order.issuedAt());
    json.put("issuedBy", order.issuerUser());
    json.put("reviewGroup", order.issuerGroup());
    json.put("issuingBody", order.issuingBody());
    json.put("citation", order.citation());
    json.put("period", tasks.periodHint(order));
    json.put("dueDate", order.processInstanceId() == null ? null : tasks.dueText(order));
    json.put("answer", order.answer());
    json.put("answeredAt", order.answeredAt());
    json.put("answeredBy", order.answeredBy());
    json.put("reviewComment", order.reviewComment());
    json.put("lapsedAt", order.lapsedAt());
    json.put("escalatedTo", order.escalatedTo());
    json.put("closedAt", order.closedAt());
    json.put("processInstanceId", order.processInstanceId());
    return json;
  }
}
