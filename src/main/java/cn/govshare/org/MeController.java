package cn.govshare.org;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in: the front door (/) shows only the pages of the caller's roles. */
@RestController
class MeController {

  private final DepartmentService departments;

  MeController(DepartmentService departments) {
    this.departments = departments;
  }

  @GetMapping("/api/me")
  Me me(Caller caller) {
    return Me.of(caller, departments);
  }
}
