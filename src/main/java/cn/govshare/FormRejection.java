package cn.govshare;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion or variable write refused by a rule (a refusal without reasons, a value out of range,
 * a field that is not the task's own): the task stays open and nothing is written. A
 * {@link BadUserRequestException}, so every door answers 400 naming the field, never 500.
 */
public class FormRejection extends BadUserRequestException {

  private final String field;
  private final String reason;

  public FormRejection(String field, String message) {
    super(field == null ? message : message + "（" + field + "）");
    this.field = field;
    this.reason = message;
  }

  /** The refusal as the user reads it, without the field's id (the web apps show it next to the form). */
  public String reason() {
    return reason;
  }

  /** The form field at fault, or null when the whole submission is refused. */
  public String field() {
    return field;
  }
}
