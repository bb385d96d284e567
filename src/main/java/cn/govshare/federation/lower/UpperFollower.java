package cn.govshare.federation.lower;

import cn.govshare.federation.api.UpperApplication;
import cn.govshare.federation.api.UpperApplications;
import java.time.Clock;
import java.time.Instant;
import org.apache.commons.lang3.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the applications at the upper platform (R24; hubei 12: 跟踪、督促授权进展，答复授权结果) by polling
 * {@code changedSince}: the upper platform never calls this one. One node polls at a time (the cursor row is locked
 * for the poll); each application is taken in its own transaction, and the cursor never passes one that failed.
 */
@Component
class UpperFollower {

  private static final Logger LOG = LoggerFactory.getLogger(UpperFollower.class);
  static final String CURSOR = "APPLICATIONS";
  /** Pages of one poll at most (200 applications each), so one poll always ends. */
  private static final int MAX_PAGES = 50;

  private final ForwardingMapper mapper;
  private final UpperForwardings forwardings;
  private final ObjectProvider<UpperClient> client;
  private final TransactionTemplate poll;
  private final TransactionTemplate each;
  private final LowerSettings settings;
  private final Clock clock;

  UpperFollower(ForwardingMapper mapper, UpperForwardings forwardings, ObjectProvider<UpperClient> client,
      PlatformTransactionManager transactions, LowerSettings settings, Clock clock) {
    this.settings = settings;
    this.mapper = mapper;
    this.forwardings = forwardings;
    this.client = client;
    this.poll = new TransactionTemplate(transactions);
    this.each = new TransactionTemplate(transactions);
    this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${govshare.federation.upper.poll-interval:PT30S}",
      initialDelayString = "${govshare.federation.upper.poll-interval:PT30S}")
  void run() {
    if (client.getIfAvailable() != null) {
      pollOnce();
    }
  }

  /** One poll: every change since the cursor, applied; returns how many applications were applied. */
  int pollOnce() {
    UpperClient upper = client.getIfAvailable();
    if (upper == null) {
      return 0;
    }
    Integer applied = poll.execute(status -> {
      ForwardingMapper.Cursor cursor = mapper.lockCursor(CURSOR);
      // the overlap: a change stamped before the last asOf but committed after that poll is not lost
      Instant since = cursor.cursorAt() == null ? null : cursor.cursorAt().minus(settings.pollOverlap());
      String error = null;
      int count = 0;
      for (int page = 0; page < MAX_PAGES; page++) {
        UpperApplications changes;
        try {
          changes = upper.changedSince(since);
        } catch (UpperUnavailable e) {
          error = e.getMessage();
          break;
        }
        Instant next = changes.asOf();
        for (UpperApplication application : changes.applications()) {
          try {
            each.executeWithoutResult(s -> forwardings.follow(application));
            count++;
          } catch (RuntimeException e) {
            LOG.warn("upper application {} could not be applied; polled again from {}", application.reference(),
                application.changedAt(), e);
            error = StringUtils.abbreviate("上级申请 " + application.reference() + " 处理失败：" + e.getMessage(), 1000);
            next = application.changedAt();
            break;
          }
        }
        if (error == null && changes.more() && !changes.applications().isEmpty()) {
          next = changes.applications().get(changes.applications().size() - 1).changedAt();
        }
        since = next;
        if (error != null || !changes.more()) {
          break;
        }
      }
      mapper.updateCursor(CURSOR, since, clock.instant(), error);
      return count;
    });
    return applied == null ? 0 : applied;
  }
}
