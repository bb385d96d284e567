package cn.govshare.sharing;

/**
 * Implemented by the dispute feature: takes a request for a NOT_SHARED resource, or a refusal the
 * applicant contested, into negotiation (R18). Returns the dispute's reference (e.g. its process
 * instance id). Runs inside the caller's transaction.
 */
public interface DisputeHandOff {

  String startDispute(ShareRequest request, String reason);
}
