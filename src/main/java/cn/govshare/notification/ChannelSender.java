package cn.govshare.notification;

/** Delivers one outbox row through one channel. */
interface ChannelSender {

  Channel channel();

  /**
   * Sends the delivery's notification, carrying its idempotency key; returns who it went to, or null when
   * nobody has this channel (any more).
   */
  String send(Delivery delivery) throws DeliveryFailure;
}
