package cn.govshare.casefile;

import cn.govshare.org.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file above a task's form (issue 20). Read-only; Tasklist's script reads it with the web apps' session
 * (docs/webapps-zh.md), other clients with HTTP Basic.
 */
@RestController
class CaseFileController {

  /** The only /api path the web apps' session may read (BasicAuthenticationFilter). */
  static final String PATH = "/api/tasks/{taskId}/case-file";

  private final TaskCaseFiles files;

  CaseFileController(TaskCaseFiles files) {
    this.files = files;
  }

  @GetMapping(PATH)
  TaskCaseFiles.TaskCaseFile get(@PathVariable String taskId, Caller caller) {
    return files.forTask(taskId, caller);
  }
}
