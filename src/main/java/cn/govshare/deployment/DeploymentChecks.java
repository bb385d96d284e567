package cn.govshare.deployment;

import cn.govshare.DeploymentRejection;
import cn.govshare.policy.ActivePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.ModelParseException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Refuses, before anything is stored, a new deployment whose BPMN would break at run time (issue 20): a user
 * task whose Camunda Form is neither in the deployment nor (binding {@code latest}/{@code version}) deployed
 * before — Tasklist would show "表单错误" — and a {@code govshare.rule} no policy profile knows, which would
 * leave the task without its legal deadline. Runs as a pre-deployer on every door (/engine-rest, Cockpit,
 * Modeler, auto-deployment); deployments re-read from the database are not checked again. A file that is not
 * BPMN XML at all is refused here too, with 400 instead of the engine's 500.
 */
final class DeploymentChecks implements Deployer {

  static final String RULE_PROPERTY = "govshare.rule";
  private static final String DEPLOYMENT_FORM_KEY = "camunda-forms:deployment:";
  private static final String BINDING_DEPLOYMENT = "deployment";

  private final Supplier<ActivePolicy> policy;
  private final ObjectMapper json = new ObjectMapper();

  DeploymentChecks(Supplier<ActivePolicy> policy) {
    this.policy = policy;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, ResourceEntity> resources = deployment.getResources() == null ? Map.of() : deployment.getResources();
    Set<String> formIds = formIds(resources.values());
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : resources.values()) {
      if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
        BpmnModelInstance model = model(resource);
        forms(model, formIds, resources.keySet(), problems);
        rules(model, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new DeploymentRejection(String.join("；", problems));
    }
  }

  /** The engine answers an unreadable file with a 500 (ENGINE-09003): here it is the deployer's input, a 400. */
  private static BpmnModelInstance model(ResourceEntity resource) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
    } catch (ModelParseException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new DeploymentRejection("文件 " + resource.getName() + " 不是有效的 BPMN 2.0 XML（" + cause.getMessage() + "）");
    }
  }

  private void forms(BpmnModelInstance model, Set<String> formIds, Set<String> resourceNames, List<String> problems) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      String formKey = task.getCamundaFormKey();
      if (formRef != null && !formIds.contains(formRef)) {
        if (BINDING_DEPLOYMENT.equals(task.getCamundaFormRefBinding())) {
          problems.add(name(task) + " 引用的表单 " + formRef + " 须与流程在同一次部署中（formRefBinding=deployment），"
              + "请把该表单文件（.form）一起部署");
        } else if (!deployedBefore(formRef)) {
          problems.add(name(task) + " 引用的表单 " + formRef + " 不在本次部署中，也从未部署过");
        }
      }
      if (formKey != null && formKey.startsWith(DEPLOYMENT_FORM_KEY)
          && !resourceNames.contains(formKey.substring(DEPLOYMENT_FORM_KEY.length()))) {
        problems.add(name(task) + " 的表单 " + formKey.substring(DEPLOYMENT_FORM_KEY.length()) + " 不在本次部署中，"
            + "请把该表单文件一起部署");
      }
    }
  }

  private void rules(BpmnModelInstance model, List<String> problems) {
    ActivePolicy active = policy.get();
    Set<String> known = active.knownRules();
    for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
      String rule = property.getCamundaValue() == null ? "" : property.getCamundaValue().trim();
      if (RULE_PROPERTY.equals(property.getCamundaName()) && !rule.isEmpty() && !known.contains(rule)) {
        problems.add(owner(property) + " 的时限规则 " + RULE_PROPERTY + "=" + rule + " 在政策配置 "
            + active.profile().name() + " 及其他配置中都不存在，该环节将没有法定期限；请改为配置中的规则编号（如 R13）");
      }
    }
  }

  /** The ids of the Camunda Forms in this deployment ({@code "id"} of each .form). */
  private Set<String> formIds(Iterable<ResourceEntity> resources) {
    Set<String> ids = new HashSet<>();
    for (ResourceEntity resource : resources) {
      if (resource.getName().endsWith(".form")) {
        try {
          JsonNode id = json.readTree(resource.getBytes()).path("id");
          if (id.isTextual()) {
            ids.add(id.asText());
          }
        } catch (IOException e) {
          throw new DeploymentRejection("表单文件 " + resource.getName() + " 不是有效的 JSON");
        }
      }
    }
    return ids;
  }

  private static boolean deployedBefore(String formId) {
    return Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
  }

  /** "流程 conditionalShareRequest 的环节 normativeCheck（规范性审查）". */
  private static String name(FlowElement element) {
    ModelElementInstance process = element.getParentElement();
    while (process != null && !(process instanceof Process)) {
      process = process.getParentElement();
    }
    return "流程 " + (process == null ? "" : ((Process) process).getId() + " ") + "的环节 " + element.getId()
        + (element.getName() == null ? "" : "（" + element.getName() + "）");
  }

  /** The flow element an extension property belongs to: property → properties → extensionElements → element. */
  private static String owner(CamundaProperty property) {
    ModelElementInstance element = property;
    for (int up = 0; up < 3 && element != null; up++) {
      element = element.getParentElement();
    }
    return element instanceof FlowElement flow ? name(flow) : "流程";
  }
}
