package cn.govshare.federation.upper;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.federation.api.FederationPaths;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.org.OrganisationSetup;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lower platforms that may call Wire API v1 here (R24): a service account in group {@code federation-peers}
 * AND a row of gs_federation_peer naming the platform it speaks for. Either alone is refused.
 */
@Service
public class Peers {

  private final UpperMapper mapper;
  private final OrganisationSetup organisation;
  private final DepartmentService departments;
  private final AuditTrail audit;
  private final Clock clock;

  Peers(UpperMapper mapper, OrganisationSetup organisation, DepartmentService departments, AuditTrail audit,
      Clock clock) {
    this.mapper = mapper;
    this.departments = departments;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  /** The platform the caller speaks for; 403 for anybody else (a department user, an operator, …). */
  Peer require(Caller caller) {
    Peer peer = caller == null || !caller.isMember(FederationPaths.PEERS_GROUP) ? null
        : mapper.findPeer(caller.userId());
    if (peer == null) {
      throw ApiException.forbidden("只有登记的下级平台服务账户可以调用上级平台接口 (R24)");
    }
    return peer;
  }

  /**
   * Registers a lower platform: the department row that stands for it as applicant here (no group, no members:
   * its cases are seen through the federation API only; none of our own departments), its service account in
   * {@code federation-peers}, and the row that ties the two. Idempotent; the account keeps its password if it exists.
   */
  @Transactional
  public void register(String userId, String password, String platformCode, String platformName) {
    departments.registerLowerPlatform(platformCode, platformName);
    organisation.ensureGroup(FederationPaths.PEERS_GROUP, "下级平台服务账户");
    organisation.ensureUser(userId, platformName, "服务账户", password, FederationPaths.PEERS_GROUP);
    Peer existing = mapper.findPeer(userId);
    if (existing == null) {
      mapper.insertPeer(new Peer(userId, platformCode, platformName), clock.instant());
      audit.record("system", "FEDERATION_PEER_REGISTERED", "FEDERATION_PEER", userId, AuditTrail.OK,
          platformName + "（" + platformCode + "）的服务账户 " + userId);
    } else if (!existing.platformCode().equals(platformCode)) {
      throw new IllegalStateException("service account " + userId + " already speaks for " + existing.platformCode());
    }
  }
}
