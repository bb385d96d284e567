package cn.govshare.sharing;

import java.util.List;

/**
 * Who holds the grants an approved request produces. The applicant department, unless a feature says
 * otherwise: an application forwarded by a lower platform (R24) is granted to each lower department it lists.
 * The answer comes from the feature's own rows, found by the request; never from a process variable.
 */
public interface GrantHoldersOfRequest {

  /** The holder codes for this request, or empty when the request is not this feature's. */
  List<String> holders(ShareRequest request);
}
