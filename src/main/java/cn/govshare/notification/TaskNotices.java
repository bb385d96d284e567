package cn.govshare.notification;

import cn.govshare.clock.Zones;
import cn.govshare.org.Groups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells people of their work: a new group task notifies the group's members, a task assigned to someone
 * notifies the assignee (not when users claim it themselves). Every user task of every process gets these
 * built-in listeners, so a new BPMN needs nothing.
 */
@Component
class TaskNotices extends AbstractProcessEnginePlugin {

  static final String CATEGORY_GROUP_TASK = "TASK_CREATED";
  static final String CATEGORY_ASSIGNED = "TASK_ASSIGNED";
  static final String REF_TYPE = "TASK";

  private final ObjectProvider<Notifications> notifications;

  TaskNotices(ObjectProvider<Notifications> notifications) {
    this.notifications = notifications;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new Parse(notifications::getObject));
  }

  private static final class Parse extends AbstractBpmnParseListener {

    private final TaskListener listener;

    Parse(Supplier<Notifications> notifications) {
      this.listener = task -> notice(notifications.get(), task);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
    }
  }

  static void notice(Notifications notifications, DelegateTask task) {
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    String subject = "待办: " + task.getName() + (due == null ? "" : "，应于 " + Zones.MINUTES.format(due) + " 前办结");
    String body = subject + "\n业务: " + (task.getExecution().getBusinessKey() == null ? "-"
        : task.getExecution().getBusinessKey()) + "\n请登录 Tasklist 办理。";
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      if (task.getAssignee() != null && !task.getAssignee().equals(actingUser())) {
        notifications.notifyUser(task.getAssignee(), CATEGORY_ASSIGNED, subject, body, REF_TYPE, task.getId(), due);
      }
    } else if (task.getAssignee() == null) {
      for (String group : Groups.candidateGroups(task)) {
        notifications.notifyGroup(group, CATEGORY_GROUP_TASK, subject, body, REF_TYPE, task.getId(), due);
      }
    }
  }

  /** The user whose command assigns the task: claiming a task oneself needs no message. */
  private static String actingUser() {
    var command = Context.getCommandContext();
    return command == null ? null : command.getAuthenticatedUserId();
  }
}
