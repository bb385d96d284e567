package cn.govshare.sharing;

import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.catalog.GrantHolders;
import cn.govshare.clock.Zones;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.Groups;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.lang3.StringUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants (R17, R20, R21): issued by an approved request, an unconditional resource or a dispute decided
 * SHARE; checked on every data call; suspended or terminated by the provider.
 */
@Service
public class Grants implements GrantHolders {

  public static final String SOURCE_REQUEST = "REQUEST";
  public static final String SOURCE_DISPUTE = "DISPUTE";
  /** R24: mirrored from the upper platform; source_ref is the upper platform's grant id. */
  public static final String SOURCE_UPPER = "UPPER";

  private final SharingMapper mapper;
  private final CatalogService catalog;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final CallerResolver callers;
  private final ActivePolicy policy;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final DataCallWriter writer;

  Grants(SharingMapper mapper, CatalogService catalog, Notifications notifications, AuditTrail audit,
      CallerResolver callers, ActivePolicy policy, Clock clock, ApplicationEventPublisher events,
      DataCallWriter writer) {
    this.events = events;
    this.writer = writer;
    this.policy = policy;
    this.callers = callers;
    this.mapper = mapper;
    this.catalog = catalog;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  /** Issues a grant; {@code scope} empty means every item of the entry. */
  @Transactional
  public Grant issue(String department, String resourceCode, List<String> scope, Purpose purpose,
      LocalDate validUntil, String sourceType, String sourceRef) {
    CatalogResource resource = catalog.find(resourceCode)
        .orElseThrow(() -> new IllegalArgumentException("no catalogue entry " + resourceCode));
    Grant grant = new Grant(null, department, resourceCode, resource.responsibleDepartment(),
        String.join(",", scope), purpose, validUntil, sourceType, sourceRef, GrantStatus.ACTIVE, null, null, null,
        clock.instant());
    GeneratedKey key = new GeneratedKey();
    mapper.insertGrant(grant, key);
    // issue 18: a grant issued inside a task completion is the completing user's act, not the platform's
    Caller actor = callers.engineActor();
    audit.record(actor == null ? "system" : actor.userId(), "GRANT_ISSUED", "GRANT", String.valueOf(key.getId()), AuditTrail.OK,
        department + " 获得 " + resourceCode + " 授权，用途 " + purpose + "，范围 " + (scope.isEmpty() ? "全部" : scope));
    notifications.notifyGroup(department, "GRANT_ISSUED", "已获授权: " + resource.name(),
        "用途：" + purpose.label() + "；范围：" + (scope.isEmpty() ? "全部数据项" : String.join("、", scope))
            + (validUntil == null ? "" : "；有效期至 " + validUntil), "GRANT", String.valueOf(key.getId()));
    return mapper.findGrant(key.getId());
  }

  /** Every grant a request produced (one per holder: a bulk application from a lower platform has several). */
  public List<Grant> ofRequest(long requestId) {
    return mapper.findGrantsBySource(SOURCE_REQUEST, String.valueOf(requestId));
  }

  /** The grant a request produced, as its applicant sees it on the request (scope, purpose, validity). */
  public Grant ofRequest(ShareRequest request) {
    return request.grantId() == null ? null : mapper.findGrant(request.grantId());
  }

  /**
   * A data call: allowed only within an active grant's purpose and scope (R20). Judged by the {@link DataCallWriter}
   * with the other calls of the moment, against the grants as they stand in the transaction that commits its audit
   * record, its count for the R27 statistics and a refusal's {@link CallRefused}, before the answer is returned.
   */
  public GrantCheck check(Caller caller, String department, CatalogResource resource, Purpose purpose, String field) {
    return writer.check(new DataCall(caller, department, resource.code(), purpose, field,
        resource.responsibleDepartment(), AuditTrail.requestAddress()));
  }

  public List<Grant> list(Caller caller, String department, String resourceCode) {
    String visibleTo = caller.readsEverything() ? null : caller.department();
    if (visibleTo == null && !caller.readsEverything()) {
      throw ApiException.forbidden("只能查看本部门的授权");
    }
    return mapper.findGrants(department, resourceCode, visibleTo, 1000);
  }

  /** R21: the provider suspends or terminates provision after finding misuse, with a reason. */
  @Transactional
  public Grant changeStatus(Caller caller, long grantId, GrantStatus to, String reason) {
    Grant grant = mapper.findGrant(grantId);
    if (grant == null || !(caller.belongsTo(grant.providerDept()) || caller.belongsTo(grant.department())
        || caller.readsEverything())) {
      throw ApiException.notFound("授权不存在: " + grantId);
    }
    if (!caller.belongsTo(grant.providerDept())) {
      throw ApiException.forbidden("只有提供部门可以暂停或终止授权 (R21)");
    }
    if (StringUtils.isBlank(reason)) {
      throw ApiException.badRequest("reason", "R21", "暂停或终止授权须说明理由");
    }
    GrantStatus from = grant.status();
    boolean allowed = (from == GrantStatus.ACTIVE && (to == GrantStatus.SUSPENDED || to == GrantStatus.TERMINATED))
        || (from == GrantStatus.SUSPENDED && (to == GrantStatus.ACTIVE || to == GrantStatus.TERMINATED));
    if (!allowed || mapper.updateGrantStatus(grantId, from, to, reason.strip(), caller.userId(), clock.instant()) == 0) {
      throw ApiException.conflict("status", "授权当前状态为 " + from + "，不能变为 " + to);
    }
    audit.record(caller, "GRANT_" + to, "GRANT", String.valueOf(grantId), AuditTrail.OK, reason.strip(),
        concerns(grant.department(), grant.providerDept()));
    notifications.notifyGroup(grant.department(), "GRANT_" + to, "授权状态变更: " + grant.resourceCode() + " → " + to,
        "理由：" + reason.strip(), "GRANT", String.valueOf(grantId));
    if (to != GrantStatus.ACTIVE) {
      // R21 → R29: provision withdrawn for misuse; the violation register listens
      events.publishEvent(new GrantWithdrawn(grantId, grant.department(), grant.providerDept(), grant.resourceCode(),
          to, reason.strip(), caller.userId()));
    }
    if (to != GrantStatus.ACTIVE && policy.has("R21")) {
      // R21, shaoyang 22: suspending or terminating provision is reported to the body the profile names
      notifications.notifyGroup(Groups.GENERAL_OFFICE, "GRANT_" + to, "报告" + policy.body("general-office") + "：" + grant
              .providerDept() + " " + (to == GrantStatus.SUSPENDED ? "暂停" : "终止") + "向 " + grant.department() + " 提供 "
              + grant.resourceCode(), "理由：" + reason.strip() + "（" + policy.limit("R21").citation() + "）", "GRANT",
          String.valueOf(grantId));
    }
    return mapper.findGrant(grantId);
  }

  /**
   * R24: the upper platform changed a grant it made (suspended, terminated, expired, active again); the mirror
   * follows. Only the upper platform's poll calls this: no provider here may change an upper grant (R21 is theirs).
   */
  @Transactional
  public void mirrorStatus(long grantId, GrantStatus to, String reason) {
    Grant grant = mapper.findGrant(grantId);
    if (grant == null || !SOURCE_UPPER.equals(grant.sourceType()) || grant.status() == to) {
      return;
    }
    String text = StringUtils.abbreviate(StringUtils.defaultIfBlank(reason, "上级平台通报"), 2000);
    if (mapper.updateGrantStatus(grantId, grant.status(), to, text, "system", clock.instant()) == 1) {
      audit.record("system", "GRANT_UPPER_" + to, "GRANT", String.valueOf(grantId), AuditTrail.OK,
          grant.status() + " → " + to + "（上级平台）：" + text);
      notifications.notifyGroup(grant.department(), "GRANT_" + to, "上级平台授权状态变更: " + grant.resourceCode() + " → "
          + to.label(), "理由：" + text, "GRANT", String.valueOf(grantId));
    }
  }

  @Override
  public Set<String> activeHolders(String resourceCode) {
    return mapper.findActiveHolders(resourceCode, LocalDate.now(clock.withZone(Zones.SHANGHAI)));
  }

  /** The departments a record is pushed to; a department asking about itself appears once. */
  static Set<String> concerns(String... departments) {
    Set<String> concerns = new TreeSet<>();
    for (String department : departments) {
      if (department != null) {
        concerns.add(department);
      }
    }
    return concerns;
  }
}
