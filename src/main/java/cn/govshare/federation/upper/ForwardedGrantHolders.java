package cn.govshare.federation.upper;

import cn.govshare.sharing.GrantHoldersOfRequest;
import cn.govshare.sharing.ShareRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/** R24: an approved forwarded application is granted to each lower department it lists, from our own rows. */
@Component
class ForwardedGrantHolders implements GrantHoldersOfRequest {

  private final ForwardedApplications applications;

  ForwardedGrantHolders(ForwardedApplications applications) {
    this.applications = applications;
  }

  @Override
  public List<String> holders(ShareRequest request) {
    return applications.holders(request.id());
  }
}
