package cn.govshare.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file above a task's form (issue 20). Read-only; Tasklist's script reads it with the web apps' session
 * (docs/webapps-zh.md), other clients with HTTP Basic.
 */
@Tag(name = "案卷", description = "办理环节的案卷：申请、双方、历次意见、附件和期限")
@RestController
class CaseFileController {

  /** The only /api path the web apps' session may read (BasicAuthenticationFilter). */
  static final String PATH = "/api/tasks/{taskId}/case-file";

  private final TaskCaseFiles files;

  CaseFileController(TaskCaseFiles files) {
    this.files = files;
  }

  @Operation(operationId = "getTaskCaseFile", summary = "办理环节的案卷（任务的办理人、当事部门和监督人员可读）")
  @GetMapping(PATH)
  TaskCaseFiles.TaskCaseFile get(@PathVariable String taskId, Caller caller) {
    return files.forTask(taskId, caller);
  }
}
