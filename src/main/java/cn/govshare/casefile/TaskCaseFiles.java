package cn.govshare.casefile;

import cn.govshare.ApiException;
import cn.govshare.CaseFile;
import cn.govshare.CaseFileSource;
import cn.govshare.deadline.DeadlineView;
import cn.govshare.deadline.Deadlines;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The case file of an open task: who may read it (the task's assignee and candidates, the case's parties, those who
 * read everything), what it holds (the feature's {@link CaseFileSource}) and the task's own deadline with its rule.
 */
@Service
class TaskCaseFiles {

  private final TaskService tasks;
  private final List<CaseFileSource> sources;
  private final Deadlines deadlines;
  private final DepartmentService departments;
  private final IdentityService identity;

  TaskCaseFiles(TaskService tasks, List<CaseFileSource> sources, Deadlines deadlines, DepartmentService departments,
      IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
    this.sources = sources;
    this.deadlines = deadlines;
    this.departments = departments;
  }

  /** The task's deadline as the step shows it: the rule, the article and the last day. */
  record Deadline(String rule, String citation, Instant dueAt, String lastDay, boolean fallback) {
  }

  /** The answer of GET /api/tasks/{taskId}/case-file. */
  record TaskCaseFile(String taskId, String taskName, CaseFile caseFile, Deadline deadline) {
  }

  TaskCaseFile forTask(String taskId, Caller caller) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    CaseFile file = task == null ? null : sources.stream()
        .map(source -> source.byProcessInstance(task.getProcessInstanceId())).flatMap(Optional::stream)
        .findFirst().orElse(null);
    if (file == null || !mayRead(caller, task, file)) {
      // the same answer for a task that does not exist and one the caller may not see: nothing leaks
      throw ApiException.notFound("任务不存在或无权查看其案卷: " + taskId);
    }
    List<CaseFile.Party> named = file.parties().stream()
        .map(p -> new CaseFile.Party(p.role(), p.department(), departments.nameOf(p.department()))).toList();
    List<CaseFile.Opinion> opinions = file.opinions().stream().map(o -> new CaseFile.Opinion(o.step(),
        personName(o.actor()), o.department() == null ? null : departments.nameOf(o.department()), o.at(), o.outcome(),
        o.comment())).toList();
    CaseFile shown = new CaseFile(file.title(), file.businessKey(), file.resource(), file.requester(), file.facts(),
        named, opinions, file.attachments());
    return new TaskCaseFile(task.getId(), task.getName(), shown, deadline(task).orElse(null));
  }

  /** A user id as the person's name (Chinese names are whole in the first name); a body's name stays as it is. */
  private String personName(String actor) {
    User user = actor == null ? null : identity.createUserQuery().userId(actor).singleResult();
    return user == null ? actor : (user.getFirstName() + " " + StringUtils.defaultString(user.getLastName())).trim();
  }

  private boolean mayRead(Caller caller, Task task, CaseFile file) {
    if (caller.readsEverything() || caller.userId().equals(task.getAssignee())) {
      return true;
    }
    if (file.parties().stream().anyMatch(p -> caller.belongsTo(p.department()))) {
      return true;
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && (caller.userId().equals(link.getUserId())
          || link.getGroupId() != null && caller.isMember(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  /** The task's own deadline row, else the open period of the sub-process it runs in (R13's answer period). */
  private Optional<Deadline> deadline(Task task) {
    List<DeadlineView> rows = deadlines.forProcessInstance(task.getProcessInstanceId());
    Optional<DeadlineView> own = rows.stream().filter(d -> task.getId().equals(d.taskId())).findFirst();
    Optional<DeadlineView> row = own.isPresent() ? own : rows.stream()
        .filter(d -> d.completedAt() == null && d.taskId().startsWith("scope:"))
        .max(Comparator.comparing(DeadlineView::startedAt));
    // a rule without a time limit (未规定) still names its article
    return row.map(d -> new Deadline(d.rule(), d.citation(), d.dueAt(),
        d.dueText() == null ? "未规定时限" : d.dueText(), d.fallback()));
  }
}
