package cn.govshare.sharing;

import cn.govshare.ConstantVariables;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What conditional-share-request sets once and never changes: the contract's start variables (SPEC §5), copies of
 * the request's row ({@link ShareRequests}; not {@code grantScope}, which the provider's form fills in). No form
 * field writes them. Their creation writes no history row ({@link ConstantVariables}): the request's row keeps
 * them; neither does that of the {@link #DELEGATE_COPIES}. What the forms show besides is no variable at all
 * ({@link ShareRequestForms}).
 */
@Component
class ShareRequestCopies implements ConstantVariables {

  static final Set<String> NAMES = Set.of("resourceCode", "providerDept", "applicantDept", "purpose", "reason",
      "systemName");

  /**
   * Issue 25: what the delegates set from GovShare's own records for the gateways: the outcome (the request's
   * status). Its value stays in the request's row; a history row of its creation would be one more copy.
   */
  static final Set<String> DELEGATE_COPIES = Set.of(ShareRequestProcess.OUTCOME);

  @Override
  public boolean constant(String processDefinitionKey, String variableName) {
    return ShareRequests.PROCESS.equals(processDefinitionKey)
        && (NAMES.contains(variableName) || DELEGATE_COPIES.contains(variableName));
  }
}
