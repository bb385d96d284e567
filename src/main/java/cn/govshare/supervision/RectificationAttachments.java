package cn.govshare.supervision;

import cn.govshare.ApiException;
import cn.govshare.Attachments;
import cn.govshare.audit.AuditTrail;
import cn.govshare.CaseFile;
import cn.govshare.org.Caller;
import cn.govshare.org.Groups;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of a rectification answer (R29 “报送整改情况”, with its materials): Camunda's forms have no file picker,
 * so the head who holds the open answer task uploads them here. They are kept as file variables of the order's
 * process instance named {@code rectificationAttachment1..N}: no form has such a field, so nobody writes them
 * through /engine-rest (trust/TaskVariablesDoor), and who may upload comes from the engine task and the order's
 * row, never from a variable.
 */
@Service
class RectificationAttachments {

  static final String VARIABLE = "rectificationAttachment";
  static final Pattern NAME = Pattern.compile(VARIABLE + "[0-9]+");

  private final RectificationMapper mapper;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AuditTrail audit;

  RectificationAttachments(RectificationMapper mapper, TaskService tasks, RuntimeService runtime, AuditTrail audit) {
    this.mapper = mapper;
    this.tasks = tasks;
    this.runtime = runtime;
    this.audit = audit;
  }

  /** Stores one file; only the department's head holding the open answer task (claimed by them or a candidate). */
  @Transactional
  CaseFile.Attachment attach(Caller caller, long id, NewRectificationAttachment body) {
    RectificationOrder order = mapper.find(id);
    if (order == null || !(Violations.seesAll(caller) || caller.belongsTo(order.department()))) {
      throw ApiException.notFound("整改记录不存在: " + id);
    }
    Task answer = order.processInstanceId() == null || !(order.state() == RectificationState.ISSUED
        || order.state() == RectificationState.LAPSED) ? null : tasks.createTaskQuery()
        .processInstanceId(order.processInstanceId()).taskDefinitionKey(RectificationTaskChecks.ANSWER).singleResult();
    if (answer == null) {
      throw ApiException.conflict("id", "整改 " + order.businessKey() + " 当前状态为 " + order.state()
          + "，没有待报送的整改情况，不能再上传附件");
    }
    if (!holds(caller, answer, Groups.head(order.department()))) {
      throw ApiException.forbidden("整改情况的附件须由办理「报送整改情况」的被责令改正部门负责人（"
          + Groups.head(order.department()) + "）上传（R29）");
    }
    if (body == null) {
      throw ApiException.badRequest("base64", "须附上文件");
    }
    List<String> stored = names(runtime.getVariablesTyped(order.processInstanceId(), false));
    Attachments.checkCount(stored.size() + 1, "attachments");
    FileValue file = Attachments.file(body.fileName(), body.contentType(), body.base64(), "");
    String variable = VARIABLE + (stored.size() + 1);
    runtime.setVariable(order.processInstanceId(), variable, file);
    audit.record(caller, RectificationTransitions.AUDIT_TYPE + "_ATTACHMENT", RectificationTransitions.AUDIT_TYPE,
        String.valueOf(order.id()), AuditTrail.OK, order.businessKey() + " 附件 " + variable + "：" + file.getFilename()
            + "（" + file.getMimeType() + "）", Set.of(order.department()));
    return new CaseFile.Attachment(variable, file.getFilename(), file.getMimeType());
  }

  /** The files stored so far, in upload order. */
  List<CaseFile.Attachment> of(String processInstanceId) {
    VariableMap variables = runtime.getVariablesTyped(processInstanceId, false);
    return names(variables).stream().map(name -> variables.getValueTyped(name) instanceof FileValue file
        ? new CaseFile.Attachment(name, file.getFilename(), file.getMimeType()) : null).filter(Objects::nonNull).toList();
  }

  /** rectificationAttachment1, 2 … 10 in their order. */
  private static List<String> names(VariableMap variables) {
    return variables.keySet().stream().filter(n -> NAME.matcher(n).matches())
        .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())).toList();
  }

  /** The engine task's assignee, or, while nobody claimed it, a member of a candidate group — and the order's head. */
  private boolean holds(Caller caller, Task task, String head) {
    if (!caller.isMember(head)) {
      return false;
    }
    if (task.getAssignee() != null) {
      return caller.userId().equals(task.getAssignee());
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && (caller.userId().equals(link.getUserId())
          || link.getGroupId() != null && caller.isMember(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }
}
