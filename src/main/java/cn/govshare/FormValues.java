package cn.govshare;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Issue 25: what the task forms of a process show that GovShare keeps in its own records (the request's row, the
 * catalogue, the task's due date). {@link FormValuesPlugin} reads them when a form is opened, through the engine's
 * {@code GET /engine-rest/task/{id}/form-variables}, which Tasklist asks before it draws a Camunda Form, instead of
 * the process carrying them as variables from its start to its end. A form shows them as it showed variables of
 * the same names; a variable of the same name never replaces them (the engine puts a task's form fields before its
 * variables), and no form has a field of their names, so nothing a user sends writes them
 * ({@code TaskFormFields}).
 */
public interface FormValues {

  /** Whether this source gives the forms of the tasks of this process. */
  boolean gives(String processDefinitionKey);

  /** The names of the values: the same for every task of the process, known without reading anything. */
  Set<String> names();

  /** What the form of this task shows, by name (String, Boolean, Integer or Long values; null for nothing). */
  Map<String, Object> of(DelegateTask task);
}
