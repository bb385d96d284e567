package cn.govshare.correction;

import cn.govshare.org.DepartmentService;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.TimeLimit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What a data-correction form shows, set on the task itself when it is created: the case from its record and
 * the limits from the policy profile with their articles (issue 19: no number in the form). Task-local, so
 * the values go with the task and nothing a form shows is read back as a decision.
 */
@Component
class CorrectionTaskForms {

  private final CorrectionCases cases;
  private final ActivePolicy policy;
  private final DepartmentService departments;

  CorrectionTaskForms(CorrectionCases cases, ActivePolicy policy, DepartmentService departments) {
    this.cases = cases;
    this.policy = policy;
    this.departments = departments;
  }

  void creating(DelegateTask task) {
    task.setVariablesLocal(view(cases.of(task.getProcessInstanceId())));
  }

  Map<String, Object> view(Correction correction) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("resourceCode", correction.resourceCode());
    view.put("resourceName", correction.resourceName());
    view.put("reporterName", departments.nameOf(correction.reporterDept()));
    view.put("recordLocator", correction.recordLocator());
    view.put("description", correction.description());
    view.put("evidence", correction.evidence() == null ? "（无）" : correction.evidence());
    view.put("extensionsSoFar", correction.extensionDays());
    view.put("periodHint", periodHint());
    view.put("extensionHint", extensionHint(correction));
    if (correction.requestedExtensionDays() != null) {
      view.put("requestedDays", correction.requestedExtensionDays());
      view.put("requestedReason", correction.extensionReason());
    }
    return view;
  }

  /** e.g. 校核期限：5个工作日（《邵阳市…》第二十五条），自收到疑义起算. */
  String periodHint() {
    TimeLimit verify = policy.limit(CorrectionTaskChecks.VERIFY_RULE);
    return "校核期限：" + verify.amountText() + "（" + verify.citationText() + "），自收到疑义起算";
  }

  /** The cap in force and what is left of it, or that the profile allows no extension (R22). */
  String extensionHint(Correction correction) {
    if (!policy.has(CorrectionTaskChecks.EXTENSION_RULE)) {
      return "现行办法（" + policy.profile().title() + "）未规定校核延期：须在校核期限内办结，不能申请延期。";
    }
    TimeLimit cap = policy.limit(CorrectionTaskChecks.EXTENSION_RULE);
    int left = Math.max(0, cap.amount() - correction.extensionDays());
    return "延期须经提供部门负责人同意并告知使用部门；延期累计不得超过" + cap.amountText() + "（" + cap.citationText()
        + "）。已延期" + correction.extensionDays() + "个工作日，尚可申请" + left + "个工作日。";
  }
}
