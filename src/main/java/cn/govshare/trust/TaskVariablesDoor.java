package cn.govshare.trust;

import cn.govshare.FormRejection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issue 18, class 2: a user other than an administrator writes only the fields of the task's own deployed form,
 * and only while holding the task (its assignee; a candidate while nobody has claimed it), through every door:
 * {@code complete}, {@code submit-form}, {@code resolve}, {@code /variables}, {@code /localVariables} (put, post,
 * modifications, deletions, binary data). Read-only fields may come back only unchanged, texts no longer than the
 * field's {@code validate.maxLength}. A refusal is a {@link FormRejection} naming the field and an audit record
 * against the case; every accepted write outside a completion is an audit record too (admins in Cockpit
 * included). Holds for any BPMN deployed later: the fields come from its deployment.
 */
@Component
class TaskVariablesDoor implements EngineDoor {

  static final String ACTION = "VARIABLE_WRITE";

  private final CaseAudit audit;
  private final int defaultMaxLength;

  TaskVariablesDoor(CaseAudit audit, @Value("${govshare.forms.default-max-length}") int defaultMaxLength) {
    this.audit = audit;
    this.defaultMaxLength = defaultMaxLength;
  }

  /** What a command writes: the task or execution, the values, the deletions, and whether it completes a task. */
  record Write(String entityId, boolean task, Map<?, ?> values, Collection<?> deletions, boolean completion) {

    static Write of(Command<?> command) {
      if (command instanceof CompleteTaskCmd) {
        return new Write(text(command, "taskId"), true, map(command, "variables"), List.of(), true);
      }
      if (command instanceof SubmitTaskFormCmd) {
        return new Write(text(command, "taskId"), true, map(command, "properties"), List.of(), true);
      }
      boolean task = command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
          || command instanceof PatchTaskVariablesCmd;
      if (command instanceof AbstractSetVariableCmd) {
        return new Write(text(command, "entityId"), task, map(command, "variables"), List.of(), false);
      }
      if (command instanceof AbstractRemoveVariableCmd) {
        return new Write(text(command, "entityId"), task, Map.of(), list(command, "variableNames"), false);
      }
      if (command instanceof AbstractPatchVariablesCmd) {
        return new Write(text(command, "entityId"), task, map(command, "variables"), list(command, "deletions"), false);
      }
      return null;
    }

    boolean isEmpty() {
      return values.isEmpty() && deletions.isEmpty();
    }

    List<String> names() {
      List<String> names = new ArrayList<>();
      values.keySet().forEach(k -> names.add(String.valueOf(k)));
      deletions.forEach(d -> names.add(String.valueOf(d)));
      return names;
    }

    private static String text(Command<?> command, String field) {
      return CommandFields.read(command, field) instanceof String s ? s : null;
    }

    private static Map<?, ?> map(Command<?> command, String field) {
      return CommandFields.read(command, field) instanceof Map<?, ?> m ? m : Map.of();
    }

    private static Collection<?> list(Command<?> command, String field) {
      return CommandFields.read(command, field) instanceof Collection<?> c ? c : List.of();
    }
  }

  @Override
  public void check(Command<?> command, CommandContext context, EngineActor actor) {
    Write write = Write.of(command);
    if (write == null || write.isEmpty() || write.entityId() == null) {
      return;
    }
    if (!write.task()) {
      // process-instance and execution variables: Camunda's authorizations decide (UPDATE_INSTANCE); an
      // accepted write is recorded (it rolls back with the command when Camunda refuses)
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(write.entityId());
      if (execution != null) {
        audit.accepted(actor.userId(), ACTION, execution.getProcessInstanceId(), "写入流程变量 " + write.names());
      }
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(write.entityId());
    if (task == null) {
      return;  // the command itself answers 404
    }
    String where = "任务「" + task.getName() + "」（" + task.getTaskDefinitionKey() + "，" + task.getId() + "）";
    if (actor.isAdmin()) {
      if (!write.completion()) {
        audit.accepted(actor.userId(), ACTION, task.getProcessInstanceId(), "管理员写入变量 " + write.names() + "，" + where);
      }
      return;
    }
    String first = write.names().get(0);
    if (!holds(task, actor)) {
      String message = "只有任务的办理人（或任务未被认领时的候选人）才能写入变量";
      audit.refused(actor.userId(), ACTION, task.getProcessInstanceId(), "拒绝写入变量 " + first + "：" + message
          + "，" + where);
      throw new AuthorizationException(message + "（" + actor.userId() + "，" + where + "）");
    }
    if (!write.deletions().isEmpty()) {
      refuse(actor, task, String.valueOf(write.deletions().iterator().next()), "不能删除流程变量", where);
    }
    Map<String, TaskFormFields.Field> fields = TaskFormFields.of(context, task.getId());
    for (Object key : write.values().keySet()) {
      String name = String.valueOf(key);
      // a VariableMap's plain get() deserializes an object value: read it typed, never deserialize user input
      Object raw = write.values() instanceof VariableMap typedMap ? typedMap.getValueTyped(name) : write.values().get(key);
      if (raw instanceof SerializableValue) {
        // a form field is text, a number, a boolean or a date: never a serialized object (not even unread)
        refuse(actor, task, name, "不接受 Java 序列化格式的变量值或其他序列化对象：表单字段只接受文本、数字、布尔值或日期", where);
      }
      Object value = raw instanceof TypedValue typed ? typed.getValue() : raw;
      TaskFormFields.Field field = fields.get(name);
      if (field == null) {
        refuse(actor, task, name, "不是本任务表单的字段，不能写入", where);
      } else if (field.readOnly() && !unchanged(value, task.getVariable(name))) {
        refuse(actor, task, name, "只读字段只能原样提交，不能修改", where);
      } else if (value instanceof String text) {
        int max = field.maxLength() != null ? field.maxLength() : defaultMaxLength;
        if (text.codePointCount(0, text.length()) > max) {
          refuse(actor, task, name, "长度超过 " + max + " 个字符", where);
        }
      }
    }
    if (!write.completion()) {
      audit.accepted(actor.userId(), ACTION, task.getProcessInstanceId(), "写入表单字段 " + write.names() + "，" + where);
    }
  }

  private void refuse(EngineActor actor, TaskEntity task, String field, String message, String where) {
    audit.refused(actor.userId(), ACTION, task.getProcessInstanceId(), "拒绝写入变量 " + field + "：" + message + "，" + where);
    throw new FormRejection(field, message);
  }

  private static boolean holds(TaskEntity task, EngineActor actor) {
    if (task.getAssignee() != null) {
      return actor.userId().equals(task.getAssignee());
    }
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && (actor.userId().equals(link.getUserId())
          || link.getGroupId() != null && actor.groups().contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  /** A read-only field sent back as shown: the same value, the same number, or nothing where nothing was. */
  static boolean unchanged(Object sent, Object current) {
    if (Objects.equals(sent, current)) {
      return true;
    }
    if (current == null) {
      return sent instanceof String text && text.isEmpty();
    }
    if (sent instanceof Number a && current instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return sent != null && String.valueOf(sent).equals(String.valueOf(current));
  }
}
