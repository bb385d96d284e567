package cn.govshare.audit;

import cn.govshare.BatchMappers;
import cn.govshare.MySqlFamily;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail of R26: every record carries an HMAC-SHA256, under a key kept outside the database
 * ({@link AuditKeys}), of its content and of the previous record's HMAC; the head row holds the last id, the
 * count and the last HMAC, itself signed. An edited, inserted or deleted row, a rewound head or a chain
 * re-hashed without the key breaks verification; {@link AuditAnchors} keeps signed copies of the head
 * outside the database. Records are appended only. A record is inserted with the transaction that makes it
 * (durable when it commits, no shared lock) and carries its own HMAC; {@link AuditSealer} links committed
 * records into the chain right after the commit, and verification reports any record left unsealed too long.
 */
@Service
public class AuditTrail {

  public static final String OK = "OK";
  public static final String REJECTED = "REJECTED";
  static final String SYSTEM = "system";
  static final String GENESIS = "0".repeat(64);
  private static final int PAGE = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final AuditMapper mapper;
  private final CallerResolver callers;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final AuditKeys keys;
  private final AuditSealer sealer;
  private final Duration sealOverdue;
  private final MySqlFamily mysql;

  AuditTrail(AuditMapper mapper, CallerResolver callers, Clock clock,
      TransactionTemplate transaction, AuditKeys keys, AuditSealer sealer,
      @Value("${govshare.audit.seal-overdue}") Duration sealOverdue, MySqlFamily mysql) {
    this.mysql = mysql;
    this.mapper = mapper;
    this.callers = callers;
    this.clock = clock;
    this.transaction = transaction;
    this.keys = keys;
    this.sealer = sealer;
    this.sealOverdue = sealOverdue;
  }

  /**
   * {@code actorUserId} null or {@code "system"}: inside an engine command run for a user (a task completed
   * in Tasklist or through /engine-rest) the record names that user, not the system.
   */
  public void record(String actorUserId, String action, String objectType, String objectId, String outcome,
      String detail) {
    record(actor(actorUserId), action, objectType, objectId, outcome, detail, Set.of());
  }

  /** {@code concerns}: the departments the record is pushed to besides the actor's own (R26). */
  public void record(Caller actor, String action, String objectType, String objectId, String outcome, String detail,
      Set<String> concerns) {
    record(actor, action, objectType, objectId, outcome, detail, concerns, requestAddress(), clock.instant());
  }

  void record(Caller actor, String action, String objectType, String objectId, String outcome, String detail,
      Set<String> concerns, String remoteAddress, Instant at) {
    insert(unchained(actor, action, objectType, objectId, outcome, detail, concerns, remoteAddress, at));
    if (TransactionSynchronizationManager.isActualTransactionActive()
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      // inside a business transaction: the record commits or rolls back with it, sealed after the commit
      sealAfterCommit();
    } else {
      sealer.wake();
    }
  }

  /**
   * A record made now, in the caller's thread (actor, time, remote address, its own HMAC), to be inserted later by
   * {@link #insert(List)} in a transaction that writes many of them (the data-call group commit, issue 25).
   */
  public Prepared prepare(Caller actor, String action, String objectType, String objectId, String outcome,
      String detail, Set<String> concerns) {
    return prepare(actor, action, objectType, objectId, outcome, detail, concerns, requestAddress());
  }

  /**
   * {@link #prepare} in another thread than the request's (the data-call writer judges the calls it records): the
   * request's address taken by {@link #requestAddress()} in the request's thread, the time now.
   */
  public Prepared prepare(Caller actor, String action, String objectType, String objectId, String outcome,
      String detail, Set<String> concerns, String remoteAddress) {
    return new Prepared(row(unchained(actor, action, objectType, objectId, outcome, detail, concerns,
        remoteAddress, clock.instant())));
  }

  /**
   * Inserts prepared records with one statement inside the current transaction: they commit or roll back with
   * it, and the sealer is woken after the commit. Outside a transaction the statement commits on its own.
   */
  public void insert(List<Prepared> records) {
    if (records.isEmpty()) {
      return;
    }
    List<AuditMapper.NewRow> rows = records.stream().map(Prepared::row).toList();
    if (insertsInJsonRows()) {
      // one static statement for each instant (a second, the column's precision): one, two at a second's turn
      rows.stream().collect(Collectors.groupingBy(row -> row.getRecord().occurredAt(), LinkedHashMap::new,
          Collectors.toList())).forEach((at, same) -> mapper.insertRows(at, AuditMapper.NewRow.rows(same)));
    } else {
      mapper.insertAll(rows);
    }
    sealAfterInsert();
  }

  /**
   * Whether {@link #insert(List)} writes in the static JSON_TABLE statement (MySQL/MariaDB, issue 25), asked of the
   * database once.
   */
  boolean insertsInJsonRows() {
    return mysql.supports("AuditMapper.insertRows", () -> mapper.insertRows(clock.instant(), "[]"), LOG,
        "audit records of one transaction keep to a statement built for their number");
  }

  /**
   * Inserts prepared records through MyBatis' batch executor on other sessions than the application's (the
   * data-call writers' own connections, issue 25), inside their current transaction: one static statement parsed
   * once, sent for all records at the commit (on MySQL/MariaDB rewritten by the driver into one multi-row insert), a
   * fraction of {@link #insert(List)}'s dynamic statement. The whole transaction must use the batch executor: MyBatis
   * refuses to mix executor types in one. MySQL/MariaDB only (the instant is bound as itself, {@link InstantAsObject}).
   */
  public Consumer<List<Prepared>> batchInsertOn(SqlSessionFactory sessions) {
    AuditMapper on = BatchMappers.on(sessions, AuditMapper.class);
    return records -> insertBatched(records, on);
  }

  private void insertBatched(List<Prepared> records, AuditMapper on) {
    if (records.isEmpty()) {
      return;
    }
    for (Prepared record : records) {
      on.insertOne(record.row());
    }
    sealAfterInsert();
  }

  private void sealAfterInsert() {
    if (TransactionSynchronizationManager.isActualTransactionActive()
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      sealAfterCommit();
    } else {
      sealer.wake();
    }
  }

  /** A record prepared by {@link #prepare}, not yet written. */
  public static final class Prepared {
    private final AuditMapper.NewRow row;

    private Prepared(AuditMapper.NewRow row) {
      this.row = row;
    }

    AuditMapper.NewRow row() {
      return row;
    }
  }

  /** Appends records in one short transaction of their own (aggregated failed logins, anchors). */
  void append(List<AuditRecord> records) {
    if (!records.isEmpty()) {
      transaction.executeWithoutResult(status -> records.forEach(this::insert));
      sealer.wake();
    }
  }

  /** Writes a record unsealed, with its own HMAC under the current key: the sealer refuses rows without it. */
  private void insert(AuditRecord unchained) {
    mapper.insert(row(unchained));
  }

  private AuditMapper.NewRow row(AuditRecord unchained) {
    String key = keys.currentId();
    AuditRecord keyed = unchained.linked(null, key, null);
    return new AuditMapper.NewRow(keyed, keys.mac(key, keyed.unsealedText()));
  }

  /** Once per transaction (a nested REQUIRES_NEW one has its own synchronizations): wake the sealer after it. */
  private void sealAfterCommit() {
    if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(WakeSealer.class::isInstance)) {
      TransactionSynchronizationManager.registerSynchronization(new WakeSealer(sealer));
    }
  }

  private record WakeSealer(AuditSealer sealer) implements TransactionSynchronization {
    @Override
    public void afterCommit() {
      sealer.wake();
    }
  }

  static AuditRecord unchained(Caller actor, String action, String objectType, String objectId, String outcome,
      String detail, Set<String> concerns, String remoteAddress, Instant at) {
    String concernList = concerns.isEmpty() ? null
        : concerns.stream().sorted().collect(Collectors.joining(",", ",", ","));
    return new AuditRecord(null, at.truncatedTo(ChronoUnit.SECONDS), StringUtils.abbreviate(actor.userId(), 64),
        StringUtils.abbreviate(actor.name(), 64), actor.department(), action, objectType,
        StringUtils.abbreviate(objectId, 64), outcome, StringUtils.abbreviate(detail, 2000),
        StringUtils.abbreviate(remoteAddress, 64), concernList, null, null, null);
  }

  private Caller actor(String actorUserId) {
    if (actorUserId == null || SYSTEM.equals(actorUserId)) {
      CommandContext command = Context.getCommandContext();
      String user = command == null ? null : command.getAuthenticatedUserId();
      return callers.resolve(user != null ? user : SYSTEM);
    }
    return callers.resolve(actorUserId);
  }

  /**
   * Walks every record up to the head: each record's hash (HMAC under its key; plain SHA-256 in the legacy
   * segment, which must end where the migration left it) and link, then the last record, the count and the
   * head's own HMAC against the head row, so deleting the newest records is found too.
   */
  public ChainCheck verify() {
    AuditHead head = mapper.head();
    Walk walk = new Walk(mapper.waiting());
    // the walk ends at the head's record; when that record is gone, it walks every sealed record and the
    // comparison with the head below reports the loss
    Long headSeq = head.last() == 0 ? Long.valueOf(0) : mapper.seqOf(head.last());
    long upTo = headSeq == null ? Long.MAX_VALUE : headSeq;
    List<AuditRecord> page;
    long after = 0;
    do {
      page = mapper.findAfter(after, upTo, PAGE);
      for (AuditRecord record : page) {
        String fault = walk.accept(record, head);
        if (fault != null) {
          return walk.broken(head, record.id(), fault);
        }
      }
      Long last = page.isEmpty() ? null : mapper.seqOf(page.get(page.size() - 1).id());
      if (last == null) {
        break;  // the last row of the page vanished meanwhile: the comparison with the head says what is missing
      }
      after = last;
    } while (page.size() == PAGE);
    Long refused = mapper.firstRefused();
    if (refused != null) {
      return walk.broken(head, refused, "记录 " + refused + " 的内容 HMAC 不符（不是持有密钥的本系统写入，或写入后被改动），封链时被拒绝");
    }
    if (head.headMac() != null) {
      if (!keys.has(head.keyId())) {
        return walk.broken(head, null, "链头由密钥 " + head.keyId() + " 签名，但该密钥未配置，无法校验");
      }
      if (!MessageDigest.isEqual(bytes(keys.mac(head.keyId(), head.canonical())), bytes(head.headMac()))) {
        return walk.broken(head, null, "链头（gs_audit_head）被改动：其 HMAC 不符");
      }
    } else if (head.last() > head.legacyEnd()) {
      return walk.broken(head, null, "链头缺少 HMAC，但链上已有加密钥的记录");
    }
    if (walk.count != head.count() || walk.lastId != head.last()
        || (walk.count > 0 && !head.lastHash().equals(walk.previous))) {
      return walk.broken(head, walk.lastId + 1, "链头记录 " + head.count() + " 条、最后一条 id " + head.last()
          + "，库中只到 id " + walk.lastId + "（" + walk.count + " 条）：最新的记录被删除或链头被改动");
    }
    return walk.result(head, true, null, (walk.legacyCount == walk.count && walk.count > 0
        ? "完整；全部为未加密钥的旧链段（SHA-256）" : walk.legacyCount > 0
        ? "完整；id " + walk.legacyLastId + " 及以前为未加密钥的旧链段（SHA-256，只能发现不知情的改动），其后为 HMAC-SHA256"
        : "完整（HMAC-SHA256）") + walk.unsealed().note());
  }

  /** The record with this id and the number of records up to it: what an anchor states. */
  Optional<AuditRecord> find(long id) {
    return Optional.ofNullable(mapper.find(id));
  }

  long countUpTo(long id) {
    return mapper.countUpTo(id);
  }

  AuditHead head() {
    return mapper.head();
  }

  public List<AuditRecord> search(String department, Instant from, Instant to, int limit) {
    return mapper.search(department, from, to, limit);
  }

  /** Keyed hash of a value that must not be stored verbatim (an unknown login name). */
  String pseudonym(String value) {
    return keys.mac(keys.currentId(), "pseudonym\n" + value).substring(0, 12);
  }

  /** The legacy hash: SHA-256 of the canonical text, no key (records written before V40). */
  static String sha256(AuditRecord r) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(r.canonical().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String hex) {
    return hex == null ? new byte[0] : hex.getBytes(StandardCharsets.US_ASCII);
  }

  /** The address of the HTTP request this thread serves, or null outside a request. */
  public static String requestAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  /** The records not yet sealed, as verify reports them: late when the oldest waited longer than allowed. */
  ChainCheck.Unsealed unsealed(AuditMapper.Waiting waiting) {
    boolean overdue = waiting.oldestSeconds() != null && waiting.oldestSeconds() > sealOverdue.toSeconds();
    return new ChainCheck.Unsealed(waiting.count(), waiting.oldestId(), waiting.oldestSeconds(), overdue);
  }

  /** The records not yet sealed, now (health). */
  ChainCheck.Unsealed unsealed() {
    return unsealed(mapper.waiting());
  }

  /** The state of one verification walk. */
  private final class Walk {
    final AuditMapper.Waiting waiting;
    String previous;
    long count;
    long lastId;
    long legacyCount;
    long legacyLastId;
    final Set<String> keyIds = new TreeSet<>();

    Walk(AuditMapper.Waiting waiting) {
      this.waiting = waiting;
    }

    ChainCheck.Unsealed unsealed() {
      return AuditTrail.this.unsealed(waiting);
    }

    /** Null when the record is sound, else why not. */
    String accept(AuditRecord record, AuditHead head) {
      String expected;
      if (record.keyId() == null) {
        if (record.id() > head.legacyEnd()) {
          return "记录 " + record.id() + " 没有密钥 id，却在旧链段（至 id " + head.legacyEnd() + "）之后：被改写为未加密钥的记录";
        }
        expected = sha256(record);
      } else {
        if (!keys.has(record.keyId())) {
          return "记录 " + record.id() + " 由密钥 " + record.keyId() + " 签名，但该密钥未配置，无法校验";
        }
        expected = keys.mac(record.keyId(), record.canonical());
        keyIds.add(record.keyId());
      }
      if (previous != null && !previous.equals(record.prevHash())) {
        return "记录 " + record.id() + " 与前一条记录的链接断裂（其前的记录被删除或改动）";
      }
      if (!MessageDigest.isEqual(bytes(expected), bytes(record.hash()))) {
        return "审计记录 " + record.id() + " 被篡改（" + (record.keyId() == null ? "SHA-256" : "HMAC") + " 不符）";
      }
      previous = record.hash();
      count++;
      lastId = record.id();
      if (record.keyId() == null) {
        legacyCount++;
        legacyLastId = record.id();
      }
      return null;
    }

    ChainCheck broken(AuditHead head, Long id, String fault) {
      return result(head, false, id, fault);
    }

    ChainCheck result(AuditHead head, boolean intact, Long brokenId, String detail) {
      ChainCheck.Legacy legacy = legacyCount == 0 ? null
          : new ChainCheck.Legacy(legacyCount, legacyLastId, "SHA-256（未加密钥）");
      return new ChainCheck(intact, intact ? count : head.count(), intact ? lastId : head.last(),
          Objects.requireNonNullElse(head.lastHash(), GENESIS), legacy, List.copyOf(keyIds), brokenId, detail,
          unsealed());
    }
  }
}
