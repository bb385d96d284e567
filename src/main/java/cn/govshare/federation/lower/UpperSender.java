package cn.govshare.federation.lower;

import cn.govshare.federation.api.UpperApplication;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.commons.lang3.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the forwarding outbox to the upper platform (like notification's DeliverySender): a forwarding is claimed
 * by a conditional update (PENDING and due → SENDING under this node's lease), so of several city nodes exactly one
 * sends it; it is sent outside any transaction with its idempotency key, then marked DELIVERED, or PENDING again
 * after a growing wait. A lease that expired belongs to a node that died while sending: the forwarding is sent again
 * with the same key, and the upper platform answers with the application it already has — never a second one.
 */
@Component
class UpperSender {

  private static final Logger LOG = LoggerFactory.getLogger(UpperSender.class);
  private static final int BATCH = 20;
  private static final int MAX_ERROR = 1000;

  private final ForwardingMapper mapper;
  private final UpperForwardings forwardings;
  private final ObjectProvider<UpperClient> client;
  private final LowerSettings settings;
  private final Clock clock;
  private final String node;

  UpperSender(ForwardingMapper mapper, UpperForwardings forwardings, ObjectProvider<UpperClient> client,
      LowerSettings settings, Clock clock) {
    this.mapper = mapper;
    this.forwardings = forwardings;
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.node = StringUtils.abbreviate(hostName() + "-" + UUID.randomUUID().toString().substring(0, 8), 64);
  }

  @Scheduled(fixedDelayString = "${govshare.federation.upper.send-interval:PT10S}",
      initialDelayString = "${govshare.federation.upper.send-interval:PT10S}")
  void run() {
    if (client.getIfAvailable() != null) {
      sendDue();
    }
  }

  /** Releases gathered applications whose window ended, recovers dead leases, sends what is due; returns how many were tried. */
  int sendDue() {
    UpperClient upper = client.getIfAvailable();
    if (upper == null) {
      return 0;
    }
    Instant now = clock.instant();
    mapper.releaseDue(now);
    for (Forwarding stale : mapper.expiredLeases(now)) {
      String error = "节点 " + stale.leaseOwner() + " 发送时中断，以同一幂等键重发";
      if (mapper.recover(stale.id(), now, error) == 1) {
        mapper.insertAttempt(stale.id(), now, node, "UNCERTAIN", error);
      }
    }
    int tried = 0;
    for (long id : mapper.dueIds(clock.instant(), BATCH)) {
      Instant at = clock.instant();
      if (mapper.claim(id, node, at.plus(settings.lease()), at) == 1) {
        send(upper, mapper.find(id));
        tried++;
      }
    }
    return tried;
  }

  private void send(UpperClient upper, Forwarding claimed) {
    UpperApplication answer;
    try {
      answer = upper.forward(claimed.idempotencyKey(), forwardings.body(claimed, mapper.members(claimed.id())));
    } catch (UpperUnavailable | RuntimeException e) {
      String error = StringUtils.abbreviate(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
          MAX_ERROR);
      Instant next = clock.instant().plus(settings.backOff(claimed.attempts()));
      forwardings.failed(claimed, node, next, error);
      LOG.info("forwarding UA-{} failed (attempt {}), next attempt {}: {}", claimed.id(), claimed.attempts(), next,
          error);
      return;
    }
    forwardings.delivered(claimed, node, answer);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
