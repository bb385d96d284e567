package cn.govshare.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fields a task's own form lets its holder write: the input components (those with a {@code key}) of the
 * Camunda Form deployed with the process ({@code camunda:formRef} or {@code camunda-forms:deployment:...}), or
 * the {@code camunda:formData} fields. A task with neither has no fields. Read from the deployment, never from
 * anything the user sends.
 */
public final class TaskFormFields {

  /** One writable field: read-only ones may only be sent back unchanged; texts longer than maxLength are refused. */
  record Field(String key, boolean readOnly, Integer maxLength) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Deployed forms' fields by deployment and form (see {@link #deployedFormKey}); bounded, never stale. */
  private static final Map<String, Map<String, Field>> DEPLOYED = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(TaskFormFields.class);

  private TaskFormFields() {
  }

  /**
   * The field keys of a task's deployed form, for a feature's own completion check inside an engine command
   * (a listener): the form is the one list of what a task may carry.
   */
  public static Set<String> keys(String taskId) {
    return of(Context.getCommandContext(), taskId).keySet();
  }

  /** The keys of the fields a user fills in (not read-only): what a task's holder writes. */
  public static Set<String> editableKeys(String taskId) {
    Set<String> keys = new LinkedHashSet<>();
    of(Context.getCommandContext(), taskId).values().stream().filter(f -> !f.readOnly()).forEach(f -> keys.add(f.key()));
    return keys;
  }

  static Map<String, Field> of(CommandContext context, String taskId) {
    boolean checking = context.isAuthorizationCheckEnabled();
    // the form belongs to the deployment: reading it is not the user's read, whoever sends the command
    context.disableAuthorizationCheck();
    try {
      TaskFormData form = new GetTaskFormCmd(taskId).execute(context);
      boolean camundaForm = form.getCamundaFormRef() != null
          || form.getFormKey() != null && form.getFormKey().startsWith("camunda-forms:");
      String cacheKey = camundaForm ? deployedFormKey(context, taskId, form) : null;
      Map<String, Field> cached = cacheKey == null ? null : DEPLOYED.get(cacheKey);
      if (cached != null) {
        return new LinkedHashMap<>(cached);
      }
      Map<String, Field> fields = new LinkedHashMap<>();
      if (camundaForm) {
        try (InputStream json = new GetDeployedTaskFormCmd(taskId).execute(context)) {
          collect(JSON.readTree(json), fields);
          if (cacheKey != null && DEPLOYED.size() < MAX_CACHED) {
            DEPLOYED.put(cacheKey, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
          }
        } catch (IOException | ProcessEngineException e) {
          // a form the engine cannot read from the deployment (camunda-forms:app:…): no field is writable
          LOG.warn("form of task {} ({}) cannot be read from its deployment: {}", taskId, form.getFormKey(),
              e.getMessage());
        }
      } else if (form.getFormFields() != null) {
        for (FormField field : form.getFormFields()) {
          fields.put(field.getId(), formDataField(field));
        }
      }
      return fields;
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }

  /**
   * Issue 25: a form bound to the process's own deployment ({@code camunda:formRefBinding="deployment"} or
   * {@code camunda-forms:deployment:…}) never changes, because a deployment's resources never do: its fields are
   * read (three queries and a JSON parse) once per deployment and form instead of on every task completion.
   * Other bindings (latest, version, app) are read every time.
   */
  private static String deployedFormKey(CommandContext context, String taskId, TaskFormData form) {
    boolean deploymentBound = form.getCamundaFormRef() != null
        ? "deployment".equals(form.getCamundaFormRef().getBinding())
        : form.getFormKey() != null && form.getFormKey().startsWith("camunda-forms:deployment:");
    if (!deploymentBound) {
      return null;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    ProcessDefinitionEntity definition = task == null ? null : task.getProcessDefinition();
    if (definition == null || definition.getDeploymentId() == null) {
      return null;
    }
    return definition.getDeploymentId() + "|" + (form.getCamundaFormRef() != null
        ? "ref:" + form.getCamundaFormRef().getKey() : "key:" + form.getFormKey());
  }

  private static void collect(JsonNode node, Map<String, Field> fields) {
    if (node == null || !node.isObject()) {
      return;
    }
    JsonNode key = node.get("key");
    if (key != null && key.isTextual() && !key.asText().isBlank()) {
      JsonNode max = node.path("validate").path("maxLength");
      boolean readOnly = flag(node.get("readonly")) || flag(node.get("disabled"))
          || "expression".equals(node.path("type").asText());
      fields.put(key.asText(), new Field(key.asText(), readOnly, max.canConvertToInt() ? max.asInt() : null));
    }
    JsonNode components = node.get("components");
    if (components != null && components.isArray()) {
      components.forEach(child -> collect(child, fields));
    }
  }

  /** {@code true}, or a FEEL expression that may become true: treated as read-only (fail closed). */
  private static boolean flag(JsonNode value) {
    return value != null && (value.asBoolean(false) || value.isTextual() && value.asText().startsWith("="));
  }

  private static Field formDataField(FormField field) {
    boolean readOnly = false;
    Integer max = null;
    if (field.getValidationConstraints() != null) {
      for (FormFieldValidationConstraint constraint : field.getValidationConstraints()) {
        if ("readonly".equals(constraint.getName())) {
          readOnly = true;
        } else if ("maxlength".equals(constraint.getName()) && constraint.getConfiguration() != null) {
          max = Integer.valueOf(constraint.getConfiguration().toString().trim());
        }
      }
    }
    return new Field(field.getId(), readOnly, max);
  }
}
