package cn.govshare.notification;

import java.time.Instant;

/** The channels a user chose; no row means every channel the administrator allows. */
record Preference(String userId, boolean mail, boolean webhook, Instant updatedAt) {

  static Preference defaults(String userId) {
    return new Preference(userId, true, true, null);
  }

  boolean wants(Channel channel) {
    return channel == Channel.MAIL ? mail : webhook;
  }
}
