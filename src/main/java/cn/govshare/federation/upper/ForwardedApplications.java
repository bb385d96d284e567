package cn.govshare.federation.upper;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.deadline.DeadlineView;
import cn.govshare.deadline.Deadlines;
import cn.govshare.federation.api.FederationPaths;
import cn.govshare.federation.api.ForwardedApplication;
import cn.govshare.federation.api.LowerDepartment;
import cn.govshare.federation.api.UpperAnswer;
import cn.govshare.federation.api.UpperApplication;
import cn.govshare.federation.api.UpperApplications;
import cn.govshare.federation.api.UpperDeadline;
import cn.govshare.federation.api.UpperGrant;
import cn.govshare.federation.api.UpperStatus;
import cn.govshare.org.Caller;
import cn.govshare.sharing.Grant;
import cn.govshare.sharing.Grants;
import cn.govshare.sharing.NewShareRequest;
import cn.govshare.sharing.Purpose;
import cn.govshare.sharing.ShareRequest;
import cn.govshare.sharing.ShareRequests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications forwarded by lower platforms (R24; nanchang 16): each becomes a share request here, submitted
 * in the name of the department that stands for the lower platform, and runs under this platform's profile —
 * its operator's normative check, its provider's answer, its deadlines. One forwarding per idempotency key.
 */
@Service
class ForwardedApplications {

  static final int MAX_KEY = 100;
  static final int MAX_REFERENCE = 64;
  static final int MAX_NAME = 128;
  /** gs_grant.department and gs_federation_department.holder are VARCHAR(32). */
  static final int MAX_HOLDER = 32;
  static final int MAX_DEPARTMENTS = 200;

  private final UpperMapper mapper;
  private final ShareRequests requests;
  private final Grants grants;
  private final Deadlines deadlines;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;

  ForwardedApplications(UpperMapper mapper, ShareRequests requests, Grants grants, Deadlines deadlines,
      AuditTrail audit, ObjectMapper json, Clock clock) {
    this.mapper = mapper;
    this.requests = requests;
    this.grants = grants;
    this.deadlines = deadlines;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** What a forwarding answered: the application, and whether this call created it (201) or repeated it (200). */
  record Received(UpperApplication application, boolean created) {
  }

  /**
   * Receives a forwarding. The same key again: the application made the first time, if the body is the same
   * (409 if not). Everything else — the resource, the purpose, the fields — is checked as for any request.
   */
  @Transactional
  Received receive(Peer peer, Caller caller, String key, ForwardedApplication body) {
    String idempotencyKey = key(key);
    if (body == null) {
      throw ApiException.badRequest("body", "缺少申请内容");
    }
    String digest = digest(body);
    ForwardingRow earlier = mapper.findByKey(peer.platformCode(), idempotencyKey);
    if (earlier != null) {
      return new Received(repeat(peer, earlier, digest), false);
    }
    List<LowerDepartment> departments = departments(peer, body);
    Purpose purpose = purpose(body.purpose());
    String lowerReference = StringUtils.trimToNull(body.lowerReference());
    if (lowerReference != null && lowerReference.length() > MAX_REFERENCE) {
      throw ApiException.badRequest("lowerReference", "lowerReference 不能超过 " + MAX_REFERENCE + " 个字符");
    }
    Instant now = clock.instant();
    GeneratedKey id = new GeneratedKey();
    mapper.insert(new ForwardingRow(null, peer.platformCode(), idempotencyKey, digest, null, lowerReference,
        body.bulk(), now, now), id);
    String onBehalf = (body.bulk() ? "整体授权，" : "") + "由" + peer.platformName() + "代"
        + String.join("、", departments.stream().map(LowerDepartment::name).toList()) + "申请（下级平台编号 "
        + StringUtils.defaultString(lowerReference, "无") + "）";
    ShareRequest request = requests.submitForwarded(caller, peer.platformCode(),
        new NewShareRequest(body.resourceCode(), purpose, body.reason(), body.systemName(), body.requestedFields()),
        onBehalf);
    mapper.bindShareRequest(id.getId(), request.id());
    for (int i = 0; i < departments.size(); i++) {
      LowerDepartment department = departments.get(i);
      mapper.insertDepartment(new ForwardedDepartment(id.getId(), i, department.code(), department.name(),
          peer.holder(department.code())));
    }
    audit.record(caller, "FEDERATION_APPLICATION_RECEIVED", "SHARE_REQUEST", String.valueOf(request.id()),
        AuditTrail.OK, onBehalf + "，幂等键 " + idempotencyKey, Set.of(request.providerDept()));
    return new Received(view(mapper.find(peer.platformCode(), id.getId())), true);
  }

  /** A concurrent forwarding with the same key lost the race on the unique key: answer as a repeat. */
  @Transactional(readOnly = true)
  UpperApplication repeated(Peer peer, String key, ForwardedApplication body) {
    ForwardingRow earlier = mapper.findByKey(peer.platformCode(), key(key));
    if (earlier == null) {
      throw new IllegalStateException("forwarding " + key + " of " + peer.platformCode() + " vanished");
    }
    return repeat(peer, earlier, digest(body));
  }

  /** 404 for an id that is not the caller's (another peer's application is not there for it). */
  @Transactional(readOnly = true)
  UpperApplication find(Peer peer, long id) {
    ForwardingRow row = mapper.find(peer.platformCode(), id);
    if (row == null) {
      throw ApiException.notFound("申请不存在: " + id);
    }
    return view(row);
  }

  /** The caller's applications changed at or after {@code since}, oldest change first. */
  @Transactional(readOnly = true)
  UpperApplications changedSince(Peer peer, Instant since) {
    Instant asOf = clock.instant();
    List<ForwardingRow> rows = mapper.findChanged(peer.platformCode(), since, UpperApplications.LIMIT + 1);
    boolean more = rows.size() > UpperApplications.LIMIT;
    List<UpperApplication> page = rows.stream().limit(UpperApplications.LIMIT).map(this::view).toList();
    return new UpperApplications(asOf, more, page);
  }

  /** The holders of a forwarded request's grants (one per listed lower department), or empty for any other. */
  List<String> holders(long shareRequestId) {
    ForwardingRow row = mapper.findByShareRequest(shareRequestId);
    return row == null ? List.of() : mapper.findDepartments(row.id()).stream().map(ForwardedDepartment::holder).toList();
  }

  private UpperApplication repeat(Peer peer, ForwardingRow earlier, String digest) {
    if (!earlier.bodyDigest().equals(digest)) {
      throw ApiException.conflict(FederationPaths.IDEMPOTENCY_KEY,
          "幂等键 " + earlier.idempotencyKey() + " 已用于另一份申请，不能用于内容不同的申请");
    }
    return find(peer, earlier.id());
  }

  private UpperApplication view(ForwardingRow row) {
    ShareRequest request = requests.require(row.shareRequestId());
    List<ForwardedDepartment> departments = mapper.findDepartments(row.id());
    UpperStatus status = status(request);
    List<UpperDeadline> limits = request.processInstanceId() == null ? List.of()
        : deadlines.forProcessInstance(request.processInstanceId()).stream().map(ForwardedApplications::deadline)
            .toList();
    List<Grant> issued = status == UpperStatus.GRANTED ? grants.ofRequest(request.id()) : List.of();
    List<UpperGrant> mirrored = new ArrayList<>();
    for (Grant grant : issued) {
      departments.stream().filter(d -> d.holder().equals(grant.department())).findFirst()
          .ifPresent(d -> mirrored.add(new UpperGrant(grant.id(), new LowerDepartment(d.code(), d.name()),
              grant.resourceCode(), split(grant.scope()), grant.purpose().name(), grant.validUntil(),
              grant.status().name())));
    }
    return new UpperApplication(row.id(), request.businessKey(), row.lowerReference(), request.resourceCode(),
        row.bulk(), departments.stream().map(d -> new LowerDepartment(d.code(), d.name())).toList(), status,
        status.label(), row.receivedAt(), row.changedAt(), limits, answer(request, status, issued), mirrored);
  }

  private static UpperAnswer answer(ShareRequest request, UpperStatus status, List<Grant> issued) {
    if (status == UpperStatus.GRANTED) {
      Grant first = issued.isEmpty() ? null : issued.get(0);
      return new UpperAnswer(true, request.outcomeReason(), first == null ? List.of() : split(first.scope()),
          request.purpose().name(), first == null ? null : first.validUntil(), request.decidedAt());
    }
    if (status == UpperStatus.REFUSED || status == UpperStatus.WITHDRAWN) {
      return new UpperAnswer(false, request.outcomeReason(), List.of(), request.purpose().name(), null,
          request.decidedAt());
    }
    return null;
  }

  private static UpperStatus status(ShareRequest request) {
    return switch (request.status()) {
      case SUBMITTED -> UpperStatus.RECEIVED;
      case IN_REVIEW -> UpperStatus.IN_REVIEW;
      case INCOMPLETE -> UpperStatus.INCOMPLETE;
      case DISPUTE -> UpperStatus.DISPUTE;
      case GRANTED -> UpperStatus.GRANTED;
      case REFUSED -> UpperStatus.REFUSED;
      case WITHDRAWN -> UpperStatus.WITHDRAWN;
      // R24 one level further up (the upper platform forwarding to its own upper platform): still in review here
      case FORWARDING, UPPER_REVIEW -> UpperStatus.IN_REVIEW;
    };
  }

  private static UpperDeadline deadline(DeadlineView view) {
    return new UpperDeadline(view.taskDefinitionKey(), view.taskName(), view.rule(), view.citation(), view.dueAt(),
        view.dueDate(), view.dueText(), view.state(), view.stateLabel());
  }

  private static String key(String key) {
    if (StringUtils.isBlank(key)) {
      throw ApiException.badRequest(FederationPaths.IDEMPOTENCY_KEY, "每次转报须带 Idempotency-Key 请求头");
    }
    if (key.strip().length() > MAX_KEY) {
      throw ApiException.badRequest(FederationPaths.IDEMPOTENCY_KEY, "Idempotency-Key 不能超过 " + MAX_KEY + " 个字符");
    }
    return key.strip();
  }

  /**
   * The lower departments, checked: one for an ordinary application, two or more for a bulk one; each becomes
   * a grant holder {@code <platform>:<code>} here, never one of this platform's departments, and never decides
   * who acts (the request's own row does: the operator, then the resource's provider).
   */
  private static List<LowerDepartment> departments(Peer peer, ForwardedApplication body) {
    List<LowerDepartment> listed = body.departments() == null ? List.of() : body.departments();
    if (listed.isEmpty()) {
      throw ApiException.badRequest("departments", "R24", "须列明申请部门");
    }
    if (listed.size() > MAX_DEPARTMENTS) {
      throw ApiException.badRequest("departments", "最多 " + MAX_DEPARTMENTS + " 个部门");
    }
    if (body.bulk() && listed.size() < 2) {
      throw ApiException.badRequest("departments", "R24", "整体授权须列明两个以上部门");
    }
    if (!body.bulk() && listed.size() != 1) {
      throw ApiException.badRequest("bulk", "R24", "多个部门申请同一资源的，须作为整体授权申请（bulk: true）");
    }
    Set<String> seen = new HashSet<>();
    List<LowerDepartment> clean = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      LowerDepartment department = listed.get(i);
      String field = "departments[" + i + "]";
      String code = department == null ? null : StringUtils.trimToNull(department.code());
      String name = department == null ? null : StringUtils.trimToNull(department.name());
      if (code == null) {
        throw ApiException.badRequest(field + ".code", "须写明部门代码");
      }
      if (peer.holder(code).length() > MAX_HOLDER) {
        throw ApiException.badRequest(field + ".code", "部门代码过长（平台代码与部门代码合计不能超过 "
            + (MAX_HOLDER - 1) + " 个字符）");
      }
      if (name == null || name.length() > MAX_NAME) {
        throw ApiException.badRequest(field + ".name", "须写明部门名称，不超过 " + MAX_NAME + " 个字符");
      }
      if (!seen.add(code)) {
        throw ApiException.badRequest(field + ".code", "部门 " + code + " 重复列出");
      }
      clean.add(new LowerDepartment(code, name));
    }
    return clean;
  }

  private static Purpose purpose(String value) {
    try {
      return value == null ? null : Purpose.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("purpose", "R17", "用途须为 ADMINISTRATIVE_BASIS、WORK_REFERENCE、"
          + "DATA_VERIFICATION 或 BUSINESS_COLLABORATION");
    }
  }

  private String digest(ForwardedApplication body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(body)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> split(String scope) {
    return StringUtils.isBlank(scope) ? List.of() : List.of(scope.split(","));
  }
}
