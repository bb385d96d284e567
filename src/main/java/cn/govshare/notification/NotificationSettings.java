package cn.govshare.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govshare.notification.*} (docs/notifications.md): when messages may go out, how often the sender runs
 * and retries, and which channels users may choose.
 *
 * @param sendInterval        how often the sender looks for due deliveries
 * @param lease               how long a node holds a delivery it is sending; after that another node takes over
 * @param maxAttempts         attempts before a delivery gives up (GAVE_UP)
 * @param firstRetry          the wait after the first failure; each further failure doubles it
 * @param maxRetry            the longest wait between two attempts
 * @param workStart           start of working hours on a working day, Asia/Shanghai
 * @param workEnd             end of working hours
 * @param immediateCategories categories sent at once, whatever the day and hour (breach reports)
 * @param channels            the channels users may choose (administrator's allowance)
 * @param healthWindow        a delivery that gave up within this window keeps health DEGRADED
 * @param webhookTimeout      connect and answer timeout of one webhook call
 * @param batch               deliveries one sender run claims at most
 */
@ConfigurationProperties("govshare.notification")
record NotificationSettings(Duration sendInterval, Duration lease, int maxAttempts, Duration firstRetry,
    Duration maxRetry, LocalTime workStart, LocalTime workEnd, Set<String> immediateCategories,
    Set<Channel> channels, Duration healthWindow, Duration webhookTimeout, int batch) {

  boolean allows(Channel channel) {
    return channels.contains(channel);
  }

  /** The wait before attempt n+1 after n failed attempts: first, 2×, 4× … at most maxRetry. */
  Duration backOff(int failedAttempts) {
    Duration wait = firstRetry;
    for (int i = 1; i < failedAttempts && wait.compareTo(maxRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }
}
