package cn.govshare.sharing;

/**
 * R24: where a request for an upper platform's resource stands there (its status, its deadlines as the upper
 * platform reports them, the forwarding), shown on GET /api/share-requests/{id}; supplied by federation.lower.
 */
public interface UpperProgressSource {

  /** The progress of this request at the upper platform, or null when it never went up. */
  Object progress(long requestId);
}
