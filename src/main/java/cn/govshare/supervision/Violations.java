package cn.govshare.supervision;

import cn.govshare.ApiException;
import cn.govshare.JsonRows;
import cn.govshare.MySqlFamily;
import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.clock.Zones;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.policy.ActivePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The violation register (R29). The system records what GovShare's own records show, once per source (a unique
 * key, insert-if-absent, also with two nodes); supervisors and the general office record the kinds that need
 * judgement. Each record cites the item of the article of the profile in force; a kind the profile's text lacks
 * is not recorded. Departments read their own, supervisors and the general office all, nobody else.
 */
@Service
public class Violations {

  static final Caller SYSTEM = new Caller("system", "系统", null, Set.of());
  static final String RULE = "R29";
  static final String REF_TYPE = "VIOLATION";
  static final int TEXT_COLUMN = 2000;
  static final int EVIDENCE_COLUMN = 1000;
  static final int LINK_COLUMN = 255;
  private static final Logger LOG = LoggerFactory.getLogger(Violations.class);

  private final ViolationMapper mapper;
  private final ActivePolicy policy;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final DepartmentService departments;
  private final Clock clock;
  private final MySqlFamily mysql;

  Violations(ViolationMapper mapper, ActivePolicy policy, AuditTrail audit, Notifications notifications,
      DepartmentService departments, Clock clock, MySqlFamily mysql) {
    this.mysql = mysql;
    this.mapper = mapper;
    this.policy = policy;
    this.audit = audit;
    this.notifications = notifications;
    this.departments = departments;
    this.clock = clock;
  }

  /** What a new violation says besides its kind and department: the case, the deadline, the audit records. */
  record Evidence(String summary, String caseLink, Long deadlineId, String auditEvidence) {
  }

  /**
   * Records what the system found, once per {@code sourceKey}; the existing record when one exists (a withdrawn
   * one is reinstated). Empty when the profile in force does not list this kind. Runs in the caller's transaction.
   */
  Optional<Violation> recordBySystem(String sourceKey, ViolationKind kind, String department, Evidence evidence) {
    Violation existing = mapper.findBySource(sourceKey);
    if (existing != null) {
      if (existing.withdrawnAt() != null && mapper.reinstate(sourceKey) == 1) {
        audit.record(SYSTEM, "VIOLATION_REINSTATED", REF_TYPE, String.valueOf(existing.id()), AuditTrail.OK,
            sourceKey + "：再次超期", Set.of(existing.department()));
      }
      return Optional.of(mapper.find(existing.id()));
    }
    Optional<SupervisionRules.Citation> citation = rules().kind(kind);
    if (citation.isEmpty()) {
      LOG.info("{} ({}) is not a violation under profile {}: not recorded", kind, sourceKey, policy.profile().name());
      return Optional.empty();
    }
    try {
      return Optional.of(insert(sourceKey, kind, department, citation.get(), evidence, SYSTEM));
    } catch (DuplicateKeyException raced) {
      // another node recorded the same source meanwhile: that record stands
      return Optional.ofNullable(mapper.findBySource(sourceKey));
    }
  }

  /** What the system found about one source: the arguments of {@link #recordBySystem}, for a batch. */
  record Finding(String sourceKey, ViolationKind kind, String department, Evidence evidence) {
  }

  /**
   * {@link #recordBySystem} for many sources of one transaction (a breach batch, issue 25): the same records, audit
   * records and notices, looked up, inserted, audited and announced with one statement each. A source already
   * recorded, or recorded by another node meanwhile, takes the one-by-one path.
   */
  void recordAllBySystem(List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    boolean json = inJsonRows();
    List<String> sources = findings.stream().map(Finding::sourceKey).toList();
    Set<String> existing = (json ? mapper.findBySourcesIn(JsonRows.column(sources))
        : mapper.findBySources(sources)).stream().map(Violation::sourceKey).collect(Collectors.toSet());
    SupervisionRules rules = rules();
    Map<ViolationKind, Optional<SupervisionRules.Citation>> citations = new EnumMap<>(ViolationKind.class);
    List<Finding> fresh = new ArrayList<>();
    for (Finding finding : findings) {
      if (existing.contains(finding.sourceKey())) {
        recordBySystem(finding.sourceKey(), finding.kind(), finding.department(), finding.evidence());
      } else if (citations.computeIfAbsent(finding.kind(), rules::kind).isEmpty()) {
        LOG.info("{} ({}) is not a violation under profile {}: not recorded", finding.kind(), finding.sourceKey(),
            policy.profile().name());
      } else {
        fresh.add(finding);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<ViolationMapper.NewRow> rows = fresh.stream().map(f -> new ViolationMapper.NewRow(violation(f.sourceKey(),
        f.kind(), f.department(), citations.get(f.kind()).orElseThrow(), f.evidence(), SYSTEM, now))).toList();
    try {
      if (json) {
        mapper.insertRows(now, ViolationMapper.NewRow.rows(rows));
        Map<String, Long> ids = mapper.findBySourcesIn(JsonRows.column(rows.stream()
            .map(row -> row.getViolation().sourceKey()).toList())).stream()
            .collect(Collectors.toMap(Violation::sourceKey, Violation::id));
        rows.forEach(row -> row.setId(ids.get(row.getViolation().sourceKey())));
      } else {
        mapper.insertAll(rows);
      }
    } catch (DuplicateKeyException raced) {
      // another node recorded one of them meanwhile (the statement wrote nothing): each alone, that record stands
      fresh.forEach(f -> recordBySystem(f.sourceKey(), f.kind(), f.department(), f.evidence()));
      return;
    }
    audit.insert(rows.stream().map(row -> audit.prepare(SYSTEM, "VIOLATION_RECORDED", REF_TYPE,
        String.valueOf(row.getId()), AuditTrail.OK, recordedDetail(row.getViolation()),
        Set.of(row.getViolation().department()))).toList());
    notifications.notifyGroups(rows.stream().map(row -> notice(row.getId(), row.getViolation())).toList());
  }

  /**
   * Whether a batch's records are looked up and inserted in static JSON_TABLE statements (MySQL/MariaDB, issue 25),
   * asked of the database once: the lookup's collation is the schema's, as docs/operations.md creates it.
   */
  boolean inJsonRows() {
    String otherwise = "violation records of one transaction keep to statements built for their number";
    return mysql.supports("ViolationMapper.findBySourcesIn", () -> mapper.findBySourcesIn("[]"), LOG, otherwise)
        && mysql.supports("ViolationMapper.insertRows", () -> mapper.insertRows(clock.instant(), "[]"), LOG,
        otherwise);
  }

  /** POST /api/violations: a supervisor or the general office records a kind that needs judgement. */
  @Transactional
  public Violation recordJudged(Caller caller, NewViolation body) {
    if (!(caller.isSupervisor() || caller.isGeneralOffice())) {
      throw ApiException.forbidden("只有监督人员和办公厅可以登记违规情形（R29）");
    }
    if (body.kind() == null) {
      throw ApiException.badRequest("kind", RULE, "须指明违规情形");
    }
    if (!body.kind().judged()) {
      throw ApiException.badRequest("kind", RULE, "「" + body.kind().chinese() + "」由系统根据记录自动登记，不能手工登记");
    }
    SupervisionRules.Citation citation = rules().kind(body.kind()).orElseThrow(() -> ApiException.badRequest("kind",
        RULE, "现行办法（" + policy.profile().title() + "）未将「" + body.kind().chinese() + "」列为违规情形"));
    String department = StringUtils.strip(body.department());
    if (StringUtils.isEmpty(department) || departments.find(department).isEmpty()) {
      throw ApiException.badRequest("department", RULE, "没有这个部门: " + StringUtils.abbreviate(department, 64));
    }
    String summary = within(required(body.description(), "description", "须说明违规事实"), "description", TEXT_COLUMN);
    String link = within(StringUtils.stripToNull(body.caseLink()), "caseLink", LINK_COLUMN);
    if (link != null && !link.matches("/api/[A-Za-z0-9._~/?&=%-]+")) {
      throw ApiException.badRequest("caseLink", RULE, "案件链接须为本系统的 /api/... 路径: " + StringUtils.abbreviate(link, 64));
    }
    List<Long> ids = body.auditRecordIds() == null ? List.of() : body.auditRecordIds();
    if (ids.size() > 20 || ids.stream().anyMatch(id -> id == null || id < 1)) {
      throw ApiException.badRequest("auditRecordIds", RULE, "审计记录编号须为正整数，最多 20 个");
    }
    String auditEvidence = ids.isEmpty() ? null : "审计记录 " + StringUtils.join(ids, ",");
    return insert("judged:" + UUID.randomUUID(), body.kind(), department, citation,
        new Evidence(summary, link, null, auditEvidence), caller);
  }

  /** The register as {@code caller} may read it; {@code year} is the calendar year in Asia/Shanghai. */
  public List<Violation> list(Caller caller, String department, ViolationKind kind, Integer year) {
    Instant from = year == null ? null : LocalDate.of(year, 1, 1).atStartOfDay(Zones.SHANGHAI).toInstant();
    Instant to = year == null ? null : LocalDate.of(year + 1, 1, 1).atStartOfDay(Zones.SHANGHAI).toInstant();
    return mapper.search(scope(caller, StringUtils.stripToNull(department)), kind, from, to, 5000);
  }

  public Violation visible(Caller caller, long id) {
    Violation violation = mapper.find(id);
    if (violation == null || !(seesAll(caller) || caller.belongsTo(violation.department()))) {
      throw ApiException.notFound("违规记录不存在: " + id);
    }
    return violation;
  }

  /** Every record of one calendar year, whoever asks: the yearly evaluation's figures (R28). */
  List<Violation> ofYear(int year) {
    return mapper.search(null, null, LocalDate.of(year, 1, 1).atStartOfDay(Zones.SHANGHAI).toInstant(),
        LocalDate.of(year + 1, 1, 1).atStartOfDay(Zones.SHANGHAI).toInstant(), 100_000);
  }

  /** A breach withdrawn on the real calendar (R27): its violation is withdrawn too, kept with the reason. */
  void withdraw(String sourceKey, String reason) {
    if (mapper.withdraw(sourceKey, clock.instant(), StringUtils.abbreviate(reason, EVIDENCE_COLUMN)) == 1) {
      Violation violation = mapper.findBySource(sourceKey);
      audit.record(SYSTEM, "VIOLATION_WITHDRAWN", REF_TYPE, String.valueOf(violation.id()), AuditTrail.OK,
          sourceKey + "：" + reason, Set.of(violation.department()));
    }
  }

  SupervisionRules rules() {
    return SupervisionRules.of(policy.profile());
  }

  static boolean seesAll(Caller caller) {
    return caller.isSupervisor() || caller.isGeneralOffice();
  }

  /** Departments read their own; supervisors and the general office every department; nobody else. */
  static String scope(Caller caller, String requested) {
    if (seesAll(caller)) {
      return requested;
    }
    if (caller.department() == null) {
      throw ApiException.forbidden("只有监督人员、办公厅和各部门可以查看违规记录（R29）");
    }
    if (requested != null && !requested.equals(caller.department())) {
      throw ApiException.forbidden("只能查看本部门的违规记录 (dept=" + StringUtils.abbreviate(requested, 64) + ")");
    }
    return caller.department();
  }

  private Violation insert(String sourceKey, ViolationKind kind, String department,
      SupervisionRules.Citation citation, Evidence evidence, Caller actor) {
    GeneratedKey key = new GeneratedKey();
    mapper.insert(violation(sourceKey, kind, department, citation, evidence, actor, clock.instant()), key);
    Violation created = mapper.find(key.getId());
    audit.record(actor, "VIOLATION_RECORDED", REF_TYPE, String.valueOf(created.id()), AuditTrail.OK,
        recordedDetail(created), Set.of(department));
    Notifications.GroupNotice notice = notice(created.id(), created);
    notifications.notifyGroup(notice.groupId(), notice.category(), notice.subject(), notice.body(), notice.refType(),
        notice.refId());
    return created;
  }

  private Violation violation(String sourceKey, ViolationKind kind, String department,
      SupervisionRules.Citation citation, Evidence evidence, Caller actor, Instant at) {
    return new Violation(null, sourceKey, kind, department, policy.profile().name(), RULE, citation.item(),
        citation.citation(), StringUtils.abbreviate(evidence.summary(), TEXT_COLUMN), evidence.caseLink(),
        evidence.deadlineId(), StringUtils.abbreviate(evidence.auditEvidence(), EVIDENCE_COLUMN), at,
        actor.userId(), null, null);
  }

  private static String recordedDetail(Violation v) {
    return v.kind() + " " + v.department() + "：" + v.item() + "（" + RULE + "，" + v.citation() + "）";
  }

  /** The department's notice of a new record (R29). */
  private static Notifications.GroupNotice notice(long id, Violation v) {
    return new Notifications.GroupNotice(v.department(), "VIOLATION", "违规记录：" + v.kind().chinese(),
        v.summary() + "\n依据：" + v.citation() + "（" + v.item() + "）", REF_TYPE, String.valueOf(id));
  }

  private static String required(String value, String field, String message) {
    if (StringUtils.isBlank(value)) {
      throw ApiException.badRequest(field, RULE, message);
    }
    return value.strip();
  }

  /** Longer than its column: refused with the field named, never cut (issue 18 class 7). */
  private static String within(String value, String field, int max) {
    if (value != null && value.length() > max) {
      throw ApiException.badRequest(field, field + " 不能超过 " + max + " 个字符（现为 " + value.length() + " 个）");
    }
    return value;
  }
}
