package cn.govshare.sharing;

import cn.govshare.ConstantVariables;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What conditional-share-request sets once and never changes: the display copies its start takes from the
 * request's row ({@link ShareRequests}, all but {@code grantScope}, which the provider's form fills in) and each
 * task's due text ({@link ShareRequestProcess#taskCreated}). No form field writes them.
 */
@Component
class ShareRequestCopies implements ConstantVariables {

  static final Set<String> NAMES = Set.of("requestId", "incompleteAllowed", "extensionAllowed", "answerExtensionMax",
      "resourceCode", "resourceName", "providerDept", "providerName", "applicantDept", "applicantName", "purpose",
      "purposeLabel", "reason", "systemName", "requestedFieldsText", "availableFields", "conditions", "dueText");

  @Override
  public boolean constant(String processDefinitionKey, String variableName) {
    return ShareRequests.PROCESS.equals(processDefinitionKey) && NAMES.contains(variableName);
  }
}
