package cn.govshare.sharing;

import cn.govshare.ConstantVariables;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What conditional-share-request sets once and never changes: the display copies its start takes from the
 * request's row ({@link ShareRequests}, all but {@code grantScope}, which the provider's form fills in) and each
 * task's due text ({@link ShareRequestProcess#taskCreated}). No form field writes them. Their creation writes no
 * history row ({@link ConstantVariables}): the request's row keeps them; neither does that of the
 * {@link #DELEGATE_COPIES}.
 */
@Component
class ShareRequestCopies implements ConstantVariables {

  static final Set<String> NAMES = Set.of("requestId", "incompleteAllowed", "extensionAllowed", "answerExtensionMax",
      "resourceCode", "resourceName", "providerDept", "providerName", "applicantDept", "applicantName", "purpose",
      "purposeLabel", "reason", "systemName", "requestedFieldsText", "availableFields", "conditions", "dueText");

  /**
   * Issue 25: what the delegates set from GovShare's own records for the gateways and the later forms: the
   * outcome (the request's status), the grant's id (its {@code grant_id}) and the answer's summary (the answer's
   * step, its outcome and comment). Their values stay in those records; history rows of their creation would be
   * two more copies. A later change (a new answer round's summary) is written to the history like any variable's.
   */
  static final Set<String> DELEGATE_COPIES = Set.of(ShareRequestProcess.OUTCOME, "grantId", "answerSummary");

  @Override
  public boolean constant(String processDefinitionKey, String variableName) {
    return ShareRequests.PROCESS.equals(processDefinitionKey)
        && (NAMES.contains(variableName) || DELEGATE_COPIES.contains(variableName));
  }
}
