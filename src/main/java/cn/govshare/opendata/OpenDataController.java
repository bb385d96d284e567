package cn.govshare.opendata;

import cn.govshare.opendata.OpenDataRequests.Applicant;
import cn.govshare.opendata.OpenDataRequests.RequestView;
import cn.govshare.org.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Open-data requests as the provider departments and supervisors read them (R25); answered in Tasklist. */
@RestController
@Tag(name = "开放数据申请")
@RequestMapping(OpenDataController.PATH)
class OpenDataController {

  static final String PATH = "/api/open-data-requests";

  private final OpenDataRequests requests;

  OpenDataController(OpenDataRequests requests) {
    this.requests = requests;
  }

  @GetMapping
  @Operation(operationId = "listOpenDataRequests", summary = "开放数据申请列表（本部门作为提供部门；监督人员和平台可看全部）")
  List<RequestView> list(Caller caller, @RequestParam(required = false) String provider,
      @RequestParam(required = false) OpenDataState state) {
    return requests.list(caller, provider, state);
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getOpenDataRequest", summary = "一条开放数据申请：资源、目的、用途、期限和答复")
  RequestView one(Caller caller, @PathVariable long id) {
    return requests.visible(caller, id);
  }

  @GetMapping("/{id}/applicant")
  @Operation(operationId = "getOpenDataApplicant", summary = "申请人个人信息（仅提供部门和监督人员，每次查阅留痕）")
  Applicant applicant(Caller caller, @PathVariable long id) {
    return requests.applicant(caller, id);
  }
}
