package cn.govshare.opendata;

import cn.govshare.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issue 24 (abuse): how often the public may register, ask for a verification code and apply, per source address
 * and per account, in fixed windows. Past a limit the request is answered 429 with {@code Retry-After} and nothing
 * is written. Kept in this node's memory on real time, like {@code LoginThrottle}: on a cluster each node counts on
 * its own, which only makes the numbers per node.
 */
@Component
class PublicRateLimits {

  private static final int MAX_ENTRIES = 100_000;

  /** One limited action: at most {@code limit} per {@code window}. */
  record Limit(String action, int limit, Duration window, String chinese) {
  }

  private record Window(Instant start, int count) {
  }

  private final Limit registrationsPerAddress;
  private final Limit codesPerAccount;
  private final Limit applicationsPerAccount;
  private final Limit applicationsPerAddress;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  PublicRateLimits(@Value("${govshare.open-data.registrations-per-address}") int registrations,
      @Value("${govshare.open-data.codes-per-account}") int codes,
      @Value("${govshare.open-data.applications-per-account}") int perAccount,
      @Value("${govshare.open-data.applications-per-address}") int perAddress,
      @Value("${govshare.open-data.registration-window}") Duration registrationWindow,
      @Value("${govshare.open-data.application-window}") Duration applicationWindow) {
    registrationsPerAddress = new Limit("register", registrations, registrationWindow, "注册");
    codesPerAccount = new Limit("code", codes, registrationWindow, "获取验证码");
    applicationsPerAccount = new Limit("apply-account", perAccount, applicationWindow, "提交开放数据申请");
    applicationsPerAddress = new Limit("apply-address", perAddress, applicationWindow, "提交开放数据申请");
  }

  void registration(String address) {
    take(registrationsPerAddress, address);
  }

  void verificationCode(String userId) {
    take(codesPerAccount, userId);
  }

  void application(String userId, String address) {
    check(applicationsPerAccount, userId);
    check(applicationsPerAddress, address);
    take(applicationsPerAccount, userId);
    take(applicationsPerAddress, address);
  }

  /** Forgets every count on this node (operations, tests). */
  void clear() {
    windows.clear();
  }

  private void check(Limit limit, String who) {
    Instant now = clock.instant();
    Window window = windows.get(key(limit, who));
    if (window != null && !expired(limit, window, now) && window.count() >= limit.limit()) {
      throw refused(limit, window, now);
    }
  }

  private void take(Limit limit, String who) {
    Instant now = clock.instant();
    if (windows.size() > MAX_ENTRIES) {
      windows.clear();
    }
    Window taken = windows.compute(key(limit, who), (k, old) -> old == null || expired(limit, old, now)
        ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
    if (taken.count() > limit.limit()) {
      throw refused(limit, taken, now);
    }
  }

  private static boolean expired(Limit limit, Window window, Instant now) {
    return !window.start().plus(limit.window()).isAfter(now);
  }

  private static ApiException refused(Limit limit, Window window, Instant now) {
    Duration wait = Duration.between(now, window.start().plus(limit.window()));
    long seconds = (wait.toMillis() + 999) / 1000;
    return ApiException.tooManyRequests(limit.chinese() + "过于频繁：每" + describe(limit.window()) + "最多 "
        + limit.limit() + " 次，请 " + seconds + " 秒后再试", seconds);
  }

  private static String describe(Duration window) {
    if (window.toDays() > 0 && window.toHoursPart() == 0) {
      return " " + window.toDays() + " 天";
    }
    return window.toMinutes() >= 60 && window.toMinutesPart() == 0 ? " " + window.toHours() + " 小时"
        : " " + window.toMinutes() + " 分钟";
  }

  private static String key(Limit limit, String who) {
    return limit.action() + ":" + (who == null ? "" : who.toLowerCase(Locale.ROOT));
  }
}
