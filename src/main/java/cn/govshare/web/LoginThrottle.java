package cn.govshare.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issue 18 class 6: failed logins slow down whoever sends them. Per source address and per account, the
 * first failures are free; after that each failure blocks the address (or account) for a delay that doubles
 * up to a ceiling. While blocked, a login is answered 429 with {@code Retry-After} and the password is not
 * even checked, so an outsider can neither guess on nor drive Camunda's lock counter up at speed. Failures
 * are forgotten after {@code forget-after} without one; a right password clears its account.
 *
 * <p>Kept in this node's memory, on real time (not the adjustable clock): on a cluster each node throttles
 * on its own, which only makes the numbers per node.
 */
@Component
public class LoginThrottle {

  /** Bound on tracked addresses and accounts: past it, stale entries go first, then everything. */
  private static final int MAX_ENTRIES = 100_000;

  private final int addressFree;
  private final int accountFree;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Duration forgetAfter;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private record State(int failures, Instant last, Instant blockedUntil) {
  }

  LoginThrottle(@Value("${govshare.login.address-free-failures}") int addressFree,
      @Value("${govshare.login.account-free-failures}") int accountFree,
      @Value("${govshare.login.first-delay}") Duration firstDelay,
      @Value("${govshare.login.max-delay}") Duration maxDelay,
      @Value("${govshare.login.forget-after}") Duration forgetAfter) {
    this.addressFree = addressFree;
    this.accountFree = accountFree;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.forgetAfter = forgetAfter;
  }

  /** How long this address or account must still wait; empty when a login may be tried now. */
  public Optional<Duration> blocked(String address, String userId) {
    Instant now = clock.instant();
    Duration wait = remaining(addressKey(address), now);
    if (userId != null) {
      Duration account = remaining(accountKey(userId), now);
      wait = account.compareTo(wait) > 0 ? account : wait;
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  public void failed(String address, String userId) {
    Instant now = clock.instant();
    if (states.size() > MAX_ENTRIES) {
      states.values().removeIf(s -> s.last().plus(forgetAfter).isBefore(now) && !s.blockedUntil().isAfter(now));
      if (states.size() > MAX_ENTRIES) {
        states.clear();
      }
    }
    count(addressKey(address), addressFree, now);
    if (userId != null) {
      count(accountKey(userId), accountFree, now);
    }
  }

  /** A right password: the account's failures are forgotten (the address's are not: one good account must
   * not whitewash guessing on others from the same address). */
  public void succeeded(String userId) {
    if (userId != null) {
      states.remove(accountKey(userId));
    }
  }

  /** Forgets every failure on this node (operations, tests). */
  public void clear() {
    states.clear();
  }

  private void count(String key, int free, Instant now) {
    states.compute(key, (k, old) -> {
      int failures = old == null || old.last().plus(forgetAfter).isBefore(now) ? 1 : old.failures() + 1;
      Instant until = now;
      if (failures > free) {
        int doublings = Math.min(failures - free - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        until = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
      }
      return new State(failures, now, until);
    });
  }

  private Duration remaining(String key, Instant now) {
    State state = states.get(key);
    return state == null || !state.blockedUntil().isAfter(now) ? Duration.ZERO
        : Duration.between(now, state.blockedUntil());
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }

  private static String accountKey(String userId) {
    return "u:" + userId.toLowerCase(Locale.ROOT);
  }
}
