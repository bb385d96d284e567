package cn.govshare.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "资源目录", description = "政务信息资源目录（R5–R9）：查询、登记、发布、下线、更新义务")
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

  private final CatalogService catalog;
  private final CatalogChanges changes;
  private final UpdateObligations obligations;

  CatalogController(CatalogService catalog, CatalogChanges changes, UpdateObligations obligations) {
    this.catalog = catalog;
    this.changes = changes;
    this.obligations = obligations;
  }

  @Operation(operationId = "listResources", summary = "分页查询资源目录")
  @GetMapping("/resources")
  CatalogPage list(@RequestParam(required = false) String dept, @RequestParam(required = false) ShareType shareType,
      @RequestParam(required = false) Classification classification, @RequestParam(required = false) String q,
      @RequestParam(required = false) ResourceStatus status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, Caller caller) {
    return catalog.search(dept, shareType, classification, q, status, page, size, caller);
  }

  @Operation(operationId = "getResource", summary = "查看一个资源目录条目")
  @GetMapping("/resources/{code}")
  CatalogView get(@PathVariable String code, Caller caller) {
    return catalog.view(code, caller);
  }

  @Operation(operationId = "createResource", summary = "登记资源目录条目（草稿）")
  @PostMapping("/resources")
  @ResponseStatus(HttpStatus.CREATED)
  CatalogView create(@RequestBody ResourceInput body, Caller caller) {
    return catalog.view(catalog.create(body, caller).code(), caller);
  }

  @Operation(operationId = "editResource", summary = "修改资源目录条目")
  @PutMapping("/resources/{code}")
  CatalogView edit(@PathVariable String code, @RequestBody ResourceInput body, Caller caller) {
    catalog.edit(code, body, caller);
    return catalog.view(code, caller);
  }

  @Operation(operationId = "publishResource", summary = "提交发布（共享平台审核，R7）")
  @PostMapping("/resources/{code}/publish")
  @ResponseStatus(HttpStatus.ACCEPTED)
  CatalogView publish(@PathVariable String code, @RequestBody(required = false) SubmitInput body, Caller caller) {
    changes.publish(code, body, caller);
    return catalog.view(code, caller);
  }

  @Operation(operationId = "retireResource", summary = "申请下线资源（提前告知使用部门，R7）")
  @PostMapping("/resources/{code}/retire")
  @ResponseStatus(HttpStatus.ACCEPTED)
  CatalogView retire(@PathVariable String code, @RequestBody(required = false) SubmitInput body, Caller caller) {
    changes.retire(code, body, caller);
    return catalog.view(code, caller);
  }

  @Operation(operationId = "createUpdateObligation", summary = "登记目录更新义务（法律修订后，R6）")
  @PostMapping("/update-obligations")
  @ResponseStatus(HttpStatus.CREATED)
  UpdateObligation openObligation(@RequestBody ObligationInput body, Caller caller) {
    return obligations.open(body.department(), body.legalChange(), caller);
  }

  @Operation(operationId = "getUpdateObligation", summary = "查看目录更新义务")
  @GetMapping("/update-obligations/{id}")
  UpdateObligation obligation(@PathVariable long id, Caller caller) {
    return obligations.get(id, caller);
  }

  record ObligationInput(String department, String legalChange) {
  }
}
