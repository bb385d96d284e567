package cn.govshare.sharing;

import cn.govshare.org.Caller;
import cn.govshare.statistics.DataCallOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;

/**
 * A data call to be checked (R20): who asks, for which department, resource, purpose and field, from where. The
 * {@link DataCallWriter} looks up the grants of every call waiting at that moment in one statement and judges each
 * call against its own ({@link #judge}) in the transaction that records it.
 *
 * @param provider the catalogue's responsible department of the resource, null if the catalogue has none
 * @param remoteAddress the caller's address, for the audit record
 */
record DataCall(Caller caller, String department, String resourceCode, Purpose purpose, String field,
    String provider, String remoteAddress) {

  /** The grants a call is checked against: those of its department on its resource. */
  record Key(String department, String resourceCode) {
  }

  /** A call's judgement: its answer, its outcome for the R27 statistics, its audit text, its R29 event if any. */
  record Verdict(GrantCheck answer, DataCallOutcome outcome, String detail, Set<String> concerns, String provider,
      CallRefused refused) {
  }

  Key key() {
    return new Key(department, resourceCode);
  }

  /**
   * R20: allowed only within an active grant's purpose and scope. {@code active}: the department's active grants on
   * the resource, valid today, in the order they were issued (the first that fits answers).
   */
  Verdict judge(List<DataCallMapper.ActiveGrant> active) {
    GrantCheck answer;
    DataCallOutcome outcome = DataCallOutcome.REFUSED_OUT_OF_SCOPE;
    if (active.isEmpty()) {
      answer = new GrantCheck(false, null, "无有效授权");
      outcome = DataCallOutcome.REFUSED_NO_GRANT;
    } else {
      List<DataCallMapper.ActiveGrant> forPurpose = active.stream().filter(g -> g.purpose() == purpose).toList();
      if (forPurpose.isEmpty()) {
        answer = new GrantCheck(false, null, "授权用途不符：已授权用途为 "
            + active.stream().map(g -> g.purpose().label()).distinct().toList());
      } else {
        answer = forPurpose.stream().filter(g -> inScope(g, field)).findFirst()
            .map(g -> new GrantCheck(true, g.id(), "授权有效"))
            .orElse(new GrantCheck(false, null, "数据项 " + field + " 不在授权范围内"));
      }
    }
    String heldFrom = active.isEmpty() ? null : active.get(0).providerDept();
    // R20: a call outside the purpose or scope of a grant held; the violation register counts these (R29)
    CallRefused refused = answer.allowed() || active.isEmpty() ? null
        : new CallRefused(department, heldFrom, resourceCode, purpose, field, answer.reason());
    String countedFor = provider != null ? provider : heldFrom == null ? "-" : heldFrom;
    return new Verdict(answer, answer.allowed() ? DataCallOutcome.SERVED : outcome,
        department + " " + resourceCode + " " + purpose + (field == null ? "" : " " + field) + ": " + answer.reason(),
        Grants.concerns(department, heldFrom), countedFor, refused);
  }

  private static boolean inScope(DataCallMapper.ActiveGrant grant, String field) {
    if (field == null || StringUtils.isBlank(grant.scope())) {
      return true;
    }
    return Arrays.stream(grant.scope().split(",")).map(String::strip).anyMatch(field::equals);
  }
}
