package cn.govshare.deadline;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task that declares {@code <camunda:property name="govshare.rule" value="R13"/>} a
 * deadline: built-in create, complete and delete listeners that keep the ledger (docs/deadlines.md). An
 * embedded sub-process that declares one carries a period across the tasks inside it (national 20, 21: the
 * answer period runs through the head's sign-off and the extension decision): opened when the sub-process
 * starts, closed when it ends, its breach an incident on the sub-process.
 */
final class DeadlineParseListener extends AbstractBpmnParseListener {

  static final String RULE_PROPERTY = "govshare.rule";

  private final Supplier<DeadlineLedger> ledger;

  DeadlineParseListener(Supplier<DeadlineLedger> ledger) {
    this.ledger = ledger;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    String rule = rule(userTaskElement);
    if (rule == null) {
      return;
    }
    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    DeadlineTaskListener listener = new DeadlineTaskListener(rule, ledger);
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, listener);
  }

  @Override
  public void parseSubProcess(Element subProcessElement, ScopeImpl scope, ActivityImpl activity) {
    String rule = rule(subProcessElement);
    if (rule == null) {
      return;
    }
    DeadlineScopeListener listener = new DeadlineScopeListener(rule, ledger);
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener);
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
  }

  static String rule(Element userTaskElement) {
    Element extensions = userTaskElement.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (RULE_PROPERTY.equals(property.attribute("name"))) {
        String value = property.attribute("value");
        return value == null || value.isBlank() ? null : value.trim();
      }
    }
    return null;
  }
}
