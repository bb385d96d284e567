package cn.govshare.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.apache.commons.lang3.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "授权", description = "共享授权的范围、用途和有效期；数据调用核验；暂停和终止（R17、R20、R21）")
@RestController
@RequestMapping("/api/grants")
class GrantController {

  /** A department code's length in gs_grant and gs_data_call_count (VARCHAR(32)). */
  private static final int DEPARTMENT_MAX = 32;

  private final Grants grants;
  private final CatalogService catalog;

  GrantController(Grants grants, CatalogService catalog) {
    this.grants = grants;
    this.catalog = catalog;
  }

  @Operation(operationId = "listGrants", summary = "查询授权")
  @GetMapping
  List<Grant> list(Caller caller, @RequestParam(required = false) String dept,
      @RequestParam(required = false) String resource) {
    return grants.list(caller, dept, resource);
  }

  /** A data call (R20): the using department, the provider, the platform or a supervisor may ask. */
  @Operation(operationId = "checkGrant", summary = "数据调用核验：是否在授权的用途和范围内")
  @GetMapping("/check")
  GrantCheck check(Caller caller, @RequestParam String dept, @RequestParam String resource,
      @RequestParam Purpose purpose, @RequestParam(required = false) String field) {
    // checked here, not by a constraint: Spring's method validation scans the method's annotations on every call,
    // an eighth of the request thread's CPU on the data-call hot path (issue 25)
    if (dept.length() > DEPARTMENT_MAX) {
      throw ApiException.badRequest("dept", "参数 dept 部门代码不能超过 " + DEPARTMENT_MAX + " 个字符");
    }
    CatalogResource entry = catalog.find(resource)
        .orElseThrow(() -> ApiException.badRequest("resource", "资源目录中没有 " + resource));
    if (!(caller.belongsTo(dept) || caller.belongsTo(entry.responsibleDepartment()) || caller.readsEverything())) {
      throw ApiException.forbidden("只能核验本部门的授权");
    }
    return grants.check(caller, dept, entry, purpose, StringUtils.stripToNull(field));
  }

  @Operation(operationId = "suspendGrant", summary = "暂停授权（提供部门，R21）")
  @PostMapping("/{id}/suspend")
  Grant suspend(@PathVariable long id, @Valid @RequestBody StatusChange body, Caller caller) {
    return grants.changeStatus(caller, id, GrantStatus.SUSPENDED, body.reason());
  }

  @Operation(operationId = "terminateGrant", summary = "终止授权（提供部门，R21）")
  @PostMapping("/{id}/terminate")
  Grant terminate(@PathVariable long id, @Valid @RequestBody StatusChange body, Caller caller) {
    return grants.changeStatus(caller, id, GrantStatus.TERMINATED, body.reason());
  }

  @Operation(operationId = "resumeGrant", summary = "恢复已暂停的授权")
  @PostMapping("/{id}/resume")
  Grant resume(@PathVariable long id, @Valid @RequestBody StatusChange body, Caller caller) {
    return grants.changeStatus(caller, id, GrantStatus.ACTIVE, body.reason());
  }

  /** gs_grant.status_reason: a longer reason is refused, never cut (R21, issue 18). */
  record StatusChange(@Size(max = 2000, message = "不能超过 {max} 个字符") String reason) {
  }
}
