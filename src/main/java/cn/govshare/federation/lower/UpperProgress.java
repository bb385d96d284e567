package cn.govshare.federation.lower;

import cn.govshare.sharing.UpperProgressSource;
import org.springframework.stereotype.Component;

/** The upper side of a share request on GET /api/share-requests/{id} (R24). */
@Component
class UpperProgress implements UpperProgressSource {

  private final UpperForwardings forwardings;

  UpperProgress(UpperForwardings forwardings) {
    this.forwardings = forwardings;
  }

  @Override
  public Object progress(long requestId) {
    return forwardings.progress(requestId);
  }
}
