package cn.govshare.web;

import cn.govshare.FormRejection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Test only (form-rejection-probe.bpmn): refuses a long note in the task listener, a bad route in the
 * execution listener and a negative amount in the delegate, each with FormRejection.
 */
public class RefusingProbe implements TaskListener, ExecutionListener, JavaDelegate {

  static final int MAX_NOTE = 10;

  @Override
  public void notify(DelegateTask task) {
    Object note = task.getVariable("note");
    if (note instanceof String text && text.length() > MAX_NOTE) {
      throw new FormRejection("note", "说明不能超过 " + MAX_NOTE + " 个字符");
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    if ("bad".equals(execution.getVariable("route"))) {
      throw new FormRejection("route", "路线无效");
    }
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object amount = execution.getVariable("amount");
    if (amount instanceof Number number && number.longValue() < 0) {
      throw new FormRejection("amount", "数量不能为负数");
    }
  }
}
