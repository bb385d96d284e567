package cn.govshare.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import cn.govshare.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "组织机构", description = "部门及其共享工作负责人（R31）")
@RestController
@RequestMapping("/api/org/departments")
class DepartmentController {

  private final DepartmentService departments;
  private final OrganisationSetup setup;

  DepartmentController(DepartmentService departments, OrganisationSetup setup) {
    this.departments = departments;
    this.setup = setup;
  }

  @Operation(operationId = "listDepartments", summary = "部门列表")
  @GetMapping
  List<Department> list(Caller caller) {
    return departments.all();
  }

  @Operation(operationId = "getDepartment", summary = "查看一个部门")
  @GetMapping("/{code}")
  Department get(@PathVariable String code, Caller caller) {
    return departments.find(code).orElseThrow(() -> ApiException.notFound("部门不存在: " + code));
  }

  /** Administrators register a department: its row, its group and its head group (R31). */
  @Operation(operationId = "createDepartment", summary = "登记部门（管理员）")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Department create(@Valid @RequestBody NewDepartment body, Caller caller) {
    if (!caller.isAdmin()) {
      throw ApiException.forbidden("只有管理员可以登记部门");
    }
    if (departments.find(body.code()).isPresent()) {
      throw ApiException.conflict("code", "部门代码已存在: " + body.code());
    }
    Department department = new Department(body.code(), body.name().strip(), body.responsiblePerson(),
        body.responsibleUserId());
    setup.ensureDepartment(department);
    return department;
  }

  record NewDepartment(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9]{1,31}", message = "须为小写字母开头的字母数字代码") String code,
      @NotBlank @Size(max = 128) String name,
      @Size(max = 64) String responsiblePerson,
      @Size(max = 64) String responsibleUserId) {
  }
}
