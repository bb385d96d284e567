package cn.govshare.correction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.deadline.Deadlines;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
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

@Tag(name = "数据纠错", description = "使用部门对数据提出疑义或纠错，提供部门核实（R22）")
@RestController
@RequestMapping("/api/corrections")
class CorrectionController {

  private final Corrections corrections;
  private final Deadlines deadlines;
  private final Notifications notifications;

  CorrectionController(Corrections corrections, Deadlines deadlines, Notifications notifications) {
    this.corrections = corrections;
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  @Operation(operationId = "reportCorrection", summary = "提出数据疑义（可附材料）")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> report(@RequestBody NewCorrection body, Caller caller) {
    Correction created = corrections.report(caller, body);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", created.id());
    answer.put("processInstanceId", created.processInstanceId());
    answer.put("status", created.status());
    return answer;
  }

  @Operation(operationId = "listCorrections", summary = "本部门提出或收到的纠错")
  @GetMapping
  List<Correction> list(Caller caller, @RequestParam(defaultValue = "false") boolean mine) {
    return corrections.list(caller, mine);
  }

  /** Status, result, every step with who and when, each verify deadline with its article, what the user was told. */
  @Operation(operationId = "getCorrection", summary = "查看纠错及其办理过程")
  @GetMapping("/{id}")
  Map<String, Object> get(@PathVariable long id, Caller caller) {
    Correction correction = corrections.visible(caller, id);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("correction", correction);
    answer.put("status", correction.status());
    answer.put("result", correction.resultNote());
    answer.put("extensionDays", correction.extensionDays());
    answer.put("steps", corrections.steps(id));
    answer.put("deadlines", deadlines.forProcessInstance(correction.processInstanceId()));
    answer.put("notifications", notifications.about("CORRECTION", String.valueOf(id)));
    return answer;
  }
}
