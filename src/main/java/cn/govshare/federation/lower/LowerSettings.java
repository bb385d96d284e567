package cn.govshare.federation.lower;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code govshare.federation.upper.*} (docs/configuration.md, docs/federation.md "City side"): where this (lower)
 * platform's upper platform answers, the service account this platform uses there (a user in group
 * {@code federation-peers} at the upper platform), and how often this platform synchronises, polls and sends.
 * Without {@code url} this platform has no upper platform: no sync, no sender, no poll.
 *
 * @param providerCode  the department code upper entries carry here as their responsible department (the upper
 *                      platform as provider; nobody here belongs to it, so nobody here answers for it)
 * @param codePrefix    prepended to the upper code to make this catalogue's code (so codes never collide)
 * @param syncInterval  how often the upper catalogue is synchronised
 * @param pollInterval  how often the upper platform is asked what changed (changedSince)
 * @param pollOverlap   each poll asks again from this long before the last {@code asOf}: a change the upper platform
 *                      stamped before that poll but committed after it is still seen (repeats change nothing)
 * @param sendInterval  how often the sender looks for due forwardings
 * @param lease         how long a node holds a forwarding it is sending; after that another node takes over
 * @param firstRetry    the wait after the first failed delivery; each further failure doubles it
 * @param maxRetry      the longest wait between two attempts (never gives up: the R24-FORWARD breach tells people)
 * @param timeout       connect and answer timeout of one call to the upper platform
 */
@ConfigurationProperties("govshare.federation.upper")
record LowerSettings(String url, String user, String password,
    @DefaultValue("upper-platform") String providerCode,
    @DefaultValue("UP-") String codePrefix,
    @DefaultValue("PT10M") Duration syncInterval,
    @DefaultValue("PT30S") Duration pollInterval,
    @DefaultValue("PT5M") Duration pollOverlap,
    @DefaultValue("PT10S") Duration sendInterval,
    @DefaultValue("PT2M") Duration lease,
    @DefaultValue("PT30S") Duration firstRetry,
    @DefaultValue("PT30M") Duration maxRetry,
    @DefaultValue("PT10S") Duration timeout) {

  boolean configured() {
    return url != null && !url.isBlank();
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
