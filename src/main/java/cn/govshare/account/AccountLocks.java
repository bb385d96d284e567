package cn.govshare.account;

import cn.govshare.audit.AuditTrail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issue 18 class 6: Camunda locks an account for good after {@code loginMaxAttempts} wrong passwords, which
 * let an outsider lock out anyone, administrators included. Here such a lock is lifted on its own
 * {@code govshare.login.lock-duration} after the last failed attempt's delay ended, and each lifting is an
 * audit record. Administrators can also unlock without the web apps ({@link UnlockUserRunner}).
 */
@Component
public class AccountLocks {

  private static final Logger LOG = LoggerFactory.getLogger(AccountLocks.class);

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;
  private final AuditTrail audit;
  private final Duration lockDuration;

  AccountLocks(IdentityService identity, ProcessEngineConfiguration engine, AuditTrail audit,
      @Value("${govshare.login.lock-duration}") Duration lockDuration) {
    this.identity = identity;
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.audit = audit;
    this.lockDuration = lockDuration;
  }

  /** Lifts every lock older than the lock duration; returns the users unlocked. */
  @Scheduled(fixedDelayString = "${govshare.login.lock-check-interval}")
  public List<String> expireLocks() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> unlocked = identity.createUserQuery().list().stream()
        .filter(UserEntity.class::isInstance).map(UserEntity.class::cast)
        .filter(user -> user.getAttempts() >= engine.getLoginMaxAttempts())
        .filter(user -> lockedSince(user).plus(lockDuration).isBefore(now))
        .map(UserEntity::getId).toList();
    for (String userId : unlocked) {
      identity.unlockUser(userId);
      LOG.info("login lock of {} expired after {}", userId, lockDuration);
      audit.record("system", "ACCOUNT_UNLOCKED", "USER", userId,
          AuditTrail.OK, "登录失败锁定到期自动解除（govshare.login.lock-duration = " + lockDuration + "）");
    }
    return unlocked;
  }

  /** Unlocks one account at an administrator's request; empty when there is no such user. */
  public Optional<String> unlock(String userId, String how) {
    if (identity.createUserQuery().userId(userId).singleResult() == null) {
      return Optional.empty();
    }
    identity.unlockUser(userId);
    audit.record("system", "ACCOUNT_UNLOCKED", "USER", userId, AuditTrail.OK, how);
    return Optional.of(userId);
  }

  private static Instant lockedSince(UserEntity user) {
    return user.getLockExpirationTime() == null ? Instant.EPOCH : user.getLockExpirationTime().toInstant();
  }
}
