package cn.govshare.notification;

/** A channel could not deliver; the message says why, without secrets or the webhook's address. */
class DeliveryFailure extends Exception {

  DeliveryFailure(String reason) {
    super(reason);
  }
}
