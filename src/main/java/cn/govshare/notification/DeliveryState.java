package cn.govshare.notification;

import java.util.Set;

/**
 * A delivery's life: PENDING → SENDING → SENT; a failure goes back to PENDING with a later attempt, or to
 * GAVE_UP after the last one; a mail whose node died while SENDING becomes UNCERTAIN (docs/notifications.md);
 * SKIPPED when no recipient has the channel.
 */
enum DeliveryState {
  PENDING,
  SENDING,
  SENT,
  GAVE_UP,
  UNCERTAIN,
  SKIPPED;

  /** The states supervisors must look at: nothing more will happen by itself. */
  static final Set<String> FAILED = Set.of("GAVE_UP", "UNCERTAIN");
}
