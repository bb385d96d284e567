package cn.govshare.audit;

import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import cn.govshare.web.AuthenticationListener;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * R26 and issue 18 class 6: failed logins are audited, but as one record per source address, account and
 * minute, with a count, written by a background flush (not under the chain's lock on the request path), so
 * a flood of wrong passwords costs the chain a handful of rows. A name that is no user is never stored as
 * typed: all unknown names from one address in one minute make one record carrying their keyed digests
 * ({@code unknown:<12 hex>}). Logins refused by the throttle (429) are counted per address and minute.
 */
@Component
class FailedLogins implements AuthenticationListener {

  static final String FAILED = "LOGIN_FAILED";
  static final String THROTTLED = "LOGIN_THROTTLED";
  private static final String UNKNOWN = "unknown:";
  /** Digests of unknown names listed per record; more are only counted. */
  private static final int LISTED_NAMES = 20;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(Zones.SHANGHAI);

  private final AuditTrail audit;
  private final IdentityService identity;
  private final Clock clock;
  private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

  /** {@code account}: the user id of a known user; null for unknown names or throttled logins. */
  private record Key(Instant minute, String address, String action, String account) {
  }

  /** Mutated only inside {@link ConcurrentHashMap#compute}, so a flush never loses a count. */
  private static final class Bucket {
    int attempts;
    Instant last;
    final Set<String> channels = new TreeSet<>();
    final Set<String> names = new LinkedHashSet<>();
    int otherNames;
    Instant lockedUntil;
  }

  FailedLogins(AuditTrail audit, IdentityService identity, Clock clock) {
    this.audit = audit;
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  public void loginFailed(String userId, String remoteAddress, String channel) {
    Instant now = clock.instant();
    User user = userId == null || userId.isBlank() ? null : identity.createUserQuery().userId(userId).singleResult();
    Instant lockedUntil = user instanceof UserEntity entity && entity.getLockExpirationTime() != null
        && entity.getLockExpirationTime().toInstant().isAfter(now) ? entity.getLockExpirationTime().toInstant() : null;
    String pseudonym = user == null ? audit.pseudonym(String.valueOf(userId)) : null;
    Key key = new Key(now.truncatedTo(ChronoUnit.MINUTES), remoteAddress, FAILED, user == null ? null : user.getId());
    buckets.compute(key, (k, bucket) -> {
      Bucket b = add(bucket, now, channel);
      if (pseudonym != null && !b.names.contains(pseudonym)) {
        if (b.names.size() < LISTED_NAMES) {
          b.names.add(pseudonym);
        } else {
          b.otherNames++;
        }
      }
      if (lockedUntil != null) {
        b.lockedUntil = lockedUntil;
      }
      return b;
    });
  }

  @Override
  public void loginThrottled(String remoteAddress, String channel) {
    Instant now = clock.instant();
    buckets.compute(new Key(now.truncatedTo(ChronoUnit.MINUTES), remoteAddress, THROTTLED, null),
        (k, bucket) -> add(bucket, now, channel));
  }

  private static Bucket add(Bucket bucket, Instant now, String channel) {
    Bucket b = bucket == null ? new Bucket() : bucket;
    b.attempts++;
    b.last = now;
    b.channels.add(channel);
    return b;
  }

  @Scheduled(fixedDelayString = "${govshare.audit.failed-login-flush}")
  void flush() {
    flush(clock.instant());
  }

  /** Writes every minute that has ended by {@code now}, all in one append. */
  void flush(Instant now) {
    Instant current = now.truncatedTo(ChronoUnit.MINUTES);
    List<AuditRecord> records = new ArrayList<>();
    for (Iterator<Key> keys = buckets.keySet().iterator(); keys.hasNext(); ) {
      Key key = keys.next();
      if (!key.minute().equals(current)) {
        Bucket bucket = buckets.remove(key);
        if (bucket != null) {
          records.add(record(key, bucket));
        }
      }
    }
    records.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
    audit.append(records);
  }

  @PreDestroy
  void flushAll() {
    flush(Instant.MAX);
  }

  private AuditRecord record(Key key, Bucket b) {
    String channels = String.join("、", b.channels);
    String minute = TIME.format(key.minute());
    if (THROTTLED.equals(key.action())) {
      return AuditTrail.unchained(new Caller("anonymous", "匿名", null, Set.of()), THROTTLED, "LOGIN", key.address(),
          AuditTrail.REJECTED, minute + " 起 1 分钟内登录被限流拒绝 " + b.attempts + " 次（" + channels + "，429，未校验密码）",
          Set.of(), key.address(), b.last);
    }
    String detail = channels + "，" + minute + " 起 1 分钟内失败 " + b.attempts + " 次";
    String subject;
    if (key.account() != null) {
      subject = key.account();
      if (b.lockedUntil != null) {
        // Camunda locks an account after repeated failures (loginMaxAttempts); the lock is part of the record
        detail += "；账户已锁定至 " + TIME.format(b.lockedUntil);
      }
    } else {
      int distinct = b.names.size() + b.otherNames;
      subject = distinct == 1 ? UNKNOWN + b.names.iterator().next() : UNKNOWN + "*";
      detail += "；不存在的用户名 " + distinct + " 个（只记键控摘要）：" + String.join(",", b.names)
          + (b.otherNames > 0 ? " 等" : "");
    }
    return AuditTrail.unchained(new Caller(subject, subject, null, Set.of()), FAILED, "USER", subject,
        AuditTrail.REJECTED, detail, Set.of(), key.address(), b.last);
  }
}
