package cn.govshare.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in: the front door (/) shows only the pages of the caller's roles. */
@Tag(name = "组织机构")
@RestController
class MeController {

  private final DepartmentService departments;

  MeController(DepartmentService departments) {
    this.departments = departments;
  }

  @Operation(operationId = "getMe", summary = "当前登录用户：姓名、部门和角色")
  @GetMapping("/api/me")
  Me me(Caller caller) {
    return Me.of(caller, departments);
  }
}
