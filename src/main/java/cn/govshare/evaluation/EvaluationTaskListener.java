package cn.govshare.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The yearly evaluation's user tasks: binding on create, storing (or refusing) on complete. */
@Component
class EvaluationTaskListener implements TaskListener {

  private final YearlyEvaluations evaluations;

  EvaluationTaskListener(YearlyEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      evaluations.taskCreated(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      evaluations.taskCompleting(task);
    }
  }
}
