package cn.govshare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.FormType;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Issue 25: every user task's form handler also gives its form the {@link FormValues} of its process, as form
 * fields whose values are read only when asked for: the engine's form-variables command reads a form's fields
 * first, then the task's variables. Nothing else changes: the form key or Camunda Form, the submission (what the
 * user sends is written as before) and the completion checks, which read the deployed form's fields and never
 * these values ({@code TaskFormFields}). Reading the form's key (Tasklist's {@code GET task/{id}/form}, the
 * completion checks) reads no value.
 */
@Component
class FormValuesPlugin extends AbstractProcessEnginePlugin {

  private final KnownBeans<FormValues> sources;

  FormValuesPlugin(ObjectProvider<FormValues> sources) {
    this.sources = new KnownBeans<>(sources);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.define(configuration,
        definition -> definition.setTaskFormHandler(new Showing(definition.getTaskFormHandler())));
  }

  private Optional<FormValues> source(TaskEntity task) {
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    String key = definition == null ? null : definition.getKey();
    return key == null ? Optional.empty() : sources.all().stream().filter(s -> s.gives(key)).findFirst();
  }

  /** The deployment's own handler, with the process's values added as fields read on demand. */
  private final class Showing implements TaskFormHandler {

    private final TaskFormHandler parsed;

    Showing(TaskFormHandler parsed) {
      this.parsed = parsed;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      parsed.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      parsed.submitFormVariables(properties, variableScope);
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData form = parsed.createTaskForm(task);
      Optional<FormValues> source = source(task);
      if (source.isEmpty() || !(form instanceof FormDataImpl data)) {
        return form;
      }
      Values values = new Values(source.get(), task);
      List<FormField> fields = new ArrayList<>(form.getFormFields() == null ? List.of() : form.getFormFields());
      for (String name : source.get().names()) {
        fields.add(new Shown(name, values));
      }
      data.setFormFields(fields);
      return form;
    }
  }

  /** A form's values, read once, when the first of them is asked for. */
  private static final class Values {

    private final FormValues source;
    private final TaskEntity task;
    private Map<String, Object> read;

    Values(FormValues source, TaskEntity task) {
      this.source = source;
      this.task = task;
    }

    Map<String, Object> get() {
      if (read == null) {
        read = source.of(task);
      }
      return read;
    }
  }

  /** One value the form shows; read-only, never submitted (it is no field of the deployed form). */
  private record Shown(String id, Values values) implements FormField {

    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getLabel() {
      return id;
    }

    @Override
    public FormType getType() {
      return null;
    }

    @Override
    public String getTypeName() {
      return null;
    }

    @Override
    public Object getDefaultValue() {
      return null;
    }

    @Override
    public TypedValue getValue() {
      Object value = values.get().get(id);
      if (value instanceof Boolean b) {
        return Variables.booleanValue(b);
      }
      if (value instanceof Integer i) {
        return Variables.integerValue(i);
      }
      if (value instanceof Long l) {
        return Variables.longValue(l);
      }
      return value == null ? Variables.stringValue(null) : Variables.stringValue(value.toString());
    }

    @Override
    public List<FormFieldValidationConstraint> getValidationConstraints() {
      return List.of();
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of();
    }

    @Override
    public boolean isBusinessKey() {
      return false;
    }
  }
}
