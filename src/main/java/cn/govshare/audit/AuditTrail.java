package cn.govshare.audit;

import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.web.AuthenticationListener;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail of R26: every record carries the SHA-256 of the previous one, so an edited or
 * deleted row breaks the chain. Records are appended only; the application never deletes them. Records
 * made inside a transaction are chained when it commits, in commit order.
 */
@Service
public class AuditTrail implements AuthenticationListener {

  public static final String OK = "OK";
  public static final String REJECTED = "REJECTED";
  /** Transaction resource key of the records waiting for the commit. */
  private static final Object PENDING = new Object();
  private static final DateTimeFormatter LOCKED_UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(Zones.SHANGHAI);

  private final AuditMapper mapper;
  private final IdentityService identity;
  private final CallerResolver callers;
  private final Clock clock;
  private final TransactionTemplate transaction;

  AuditTrail(AuditMapper mapper, CallerResolver callers, Clock clock, TransactionTemplate transaction,
      IdentityService identity) {
    this.identity = identity;
    this.mapper = mapper;
    this.callers = callers;
    this.clock = clock;
    this.transaction = transaction;
  }

  public void record(String actorUserId, String action, String objectType, String objectId, String outcome,
      String detail) {
    record(callers.resolve(actorUserId), action, objectType, objectId, outcome, detail, Set.of());
  }

  /** {@code concerns}: the departments the record is pushed to besides the actor's own (R26). */
  public void record(Caller actor, String action, String objectType, String objectId, String outcome, String detail,
      Set<String> concerns) {
    record(actor, action, objectType, objectId, outcome, detail, concerns, remoteAddress());
  }

  private void record(Caller actor, String action, String objectType, String objectId, String outcome, String detail,
      Set<String> concerns, String remoteAddress) {
    String concernList = concerns.isEmpty() ? null
        : concerns.stream().sorted().collect(Collectors.joining(",", ",", ","));
    Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    AuditRecord unchained = new AuditRecord(null, at, actor.userId(), actor.name(), actor.department(), action,
        objectType, objectId, outcome, StringUtils.abbreviate(detail, 2000), remoteAddress, concernList, null, null);
    if (TransactionSynchronizationManager.isActualTransactionActive()
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      // inside a business transaction: chain at commit, so the chain's lock is held for the commit only,
      // not for the whole request (docs/performance.md); a rolled-back transaction leaves no record
      pending().add(unchained);
    } else {
      transaction.executeWithoutResult(status -> chain(List.of(unchained)));
    }
  }

  /** Appends records to the chain under the head's row lock: one writer at a time across all nodes. */
  private void chain(List<AuditRecord> records) {
    String previous = mapper.lockHead();
    for (AuditRecord record : records) {
      AuditRecord linked = new AuditRecord(null, record.occurredAt(), record.actorUserId(), record.actorName(),
          record.actorDepartment(), record.action(), record.objectType(), record.objectId(), record.outcome(),
          record.detail(), record.remoteAddress(), record.concerns(), previous, null);
      previous = hash(linked);
      mapper.insert(withHash(linked, previous));
    }
    mapper.updateHead(previous);
  }

  @SuppressWarnings("unchecked")
  private List<AuditRecord> pending() {
    Object bound = TransactionSynchronizationManager.getResource(PENDING);
    if (bound != null) {
      return (List<AuditRecord>) bound;
    }
    List<AuditRecord> records = new ArrayList<>();
    TransactionSynchronizationManager.bindResource(PENDING, records);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        chain(records);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
      }
    });
    return records;
  }

  @Override
  public void loginFailed(String userId, String remoteAddress, String channel) {
    String id = StringUtils.abbreviate(StringUtils.defaultString(userId), 64);
    Caller unknown = new Caller(id, id, null, Set.of());
    String detail = channel;
    // Camunda locks an account after repeated failures (loginMaxAttempts); the lock is part of the record
    if (!id.isEmpty() && identity.createUserQuery().userId(id).singleResult() instanceof UserEntity user
        && user.getLockExpirationTime() != null && user.getLockExpirationTime().toInstant().isAfter(clock.instant())) {
      detail += "；账户已锁定至 " + LOCKED_UNTIL.format(user.getLockExpirationTime().toInstant());
    }
    record(unknown, "LOGIN_FAILED", "USER", id, REJECTED, detail, Set.of(), remoteAddress);
  }

  /** Re-walks the chain; empty when intact, else the first record whose hash or link is wrong. */
  public Optional<AuditRecord> firstBroken() {
    String expectedPrevious = null;
    long after = 0;
    List<AuditRecord> page;
    do {
      page = mapper.findAfter(after, 1000);
      for (AuditRecord record : page) {
        boolean linked = expectedPrevious == null || expectedPrevious.equals(record.prevHash());
        if (!linked || !hash(record).equals(record.hash())) {
          return Optional.of(record);
        }
        expectedPrevious = record.hash();
        after = record.id();
      }
    } while (page.size() == 1000);
    return Optional.empty();
  }

  public List<AuditRecord> search(String department, Instant from, Instant to, int limit) {
    return mapper.search(department, from, to, limit);
  }

  static String hash(AuditRecord r) {
    String canonical = String.join("\n", r.prevHash(), String.valueOf(r.occurredAt().getEpochSecond()),
        r.actorUserId(), String.valueOf(r.actorName()), String.valueOf(r.actorDepartment()), r.action(),
        r.objectType(), String.valueOf(r.objectId()), r.outcome(), String.valueOf(r.detail()),
        String.valueOf(r.remoteAddress()), String.valueOf(r.concerns()));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AuditRecord withHash(AuditRecord r, String hash) {
    return new AuditRecord(r.id(), r.occurredAt(), r.actorUserId(), r.actorName(), r.actorDepartment(), r.action(),
        r.objectType(), r.objectId(), r.outcome(), r.detail(), r.remoteAddress(), r.concerns(), r.prevHash(), hash);
  }

  private static String remoteAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
