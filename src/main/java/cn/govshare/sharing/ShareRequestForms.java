package cn.govshare.sharing;

import cn.govshare.FormValues;
import cn.govshare.calendar.DueText;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.ResourceItem;
import cn.govshare.org.DepartmentService;
import cn.govshare.policy.ActivePolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Issue 25: what the forms of conditional-share-request show besides the request's contract variables, read from
 * the request's row, the catalogue, the active policy and the task's due date when a form is opened
 * ({@link FormValues}). Before, the start copied them into eleven process variables and each task into a twelfth
 * ({@code dueText}), which every flow inserted and deleted again without anything reading them but the forms. The
 * due text is now always the task's current due date, also after a recomputation moved it in place. The provider's
 * head reads the answer's summary from the answer's step.
 */
@Component
class ShareRequestForms implements FormValues {

  static final Set<String> NAMES = Set.of("incompleteAllowed", "extensionAllowed", "answerExtensionMax",
      "resourceName", "providerName", "applicantName", "purposeLabel", "requestedFieldsText", "availableFields",
      "conditions", "dueText", "answerSummary");

  private static final String HEAD_SIGN_OFF = "providerHeadSignOff";

  private final SharingMapper mapper;
  private final CatalogService catalog;
  private final DepartmentService departments;
  private final ActivePolicy policy;

  ShareRequestForms(SharingMapper mapper, CatalogService catalog, DepartmentService departments,
      ActivePolicy policy) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.departments = departments;
    this.policy = policy;
  }

  @Override
  public boolean gives(String processDefinitionKey) {
    return ShareRequests.PROCESS.equals(processDefinitionKey);
  }

  @Override
  public Set<String> names() {
    return NAMES;
  }

  @Override
  public Map<String, Object> of(DelegateTask task) {
    Map<String, Object> values = new HashMap<>();
    // the last day on which the task may still be done, as the case file and the applicant page show it
    values.put("dueText", task.getDueDate() == null ? "未规定时限"
        : DueText.lastDay(task.getDueDate().toInstant()) + "办结");
    ShareRequest request = mapper.findRequestByInstance(task.getProcessInstanceId());
    if (request != null) {
      show(request, catalog.find(request.resourceCode()), values);
      if (HEAD_SIGN_OFF.equals(task.getTaskDefinitionKey())) {
        // what the provider's head reads before signing off (article 20): the answer as its step recorded it
        mapper.findSteps(request.id()).stream().filter(s -> ShareRequestProcess.ANSWER_TASK.equals(s.step()))
            .reduce((first, last) -> last)
            .ifPresent(s -> values.put("answerSummary", s.outcome() + "；" + StringUtils.defaultString(s.comment())));
      }
    }
    return values;
  }

  /** The request as its forms show it; the resource's entry as the catalogue holds it now. */
  private void show(ShareRequest request, Optional<CatalogResource> resource, Map<String, Object> values) {
    // which of the provider's national answer options the form offers (SPEC §8, article 21)
    values.put("incompleteAllowed", policy.has("N21-INCOMPLETE"));
    values.put("extensionAllowed", policy.has("R13-EXT"));
    values.put("answerExtensionMax", policy.has("R13-EXT") ? policy.limit("R13-EXT").amount() : 0);
    values.put("resourceName", request.resourceName());
    values.put("providerName", resource.filter(CatalogResource::upper).map(CatalogResource::upperProvider)
        .orElseGet(() -> departments.nameOf(request.providerDept())));
    values.put("applicantName", departments.nameOf(request.applicantDept()));
    values.put("purposeLabel", request.purpose().label());
    List<String> fields = ShareTaskChecks.split(request.requestedFields());
    values.put("requestedFieldsText", fields.isEmpty() ? "全部数据项" : String.join("、", fields));
    values.put("availableFields", resource.map(r -> r.items().stream().map(ResourceItem::name)
        .collect(Collectors.joining("、"))).orElse(""));
    values.put("conditions", resource.map(r -> StringUtils.defaultString(r.conditions(), "无")).orElse("无"));
  }
}
