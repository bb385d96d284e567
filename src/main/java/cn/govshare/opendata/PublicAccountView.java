package cn.govshare.opendata;

import java.time.Instant;

/** A public account as its owner sees it: the identity number and contact masked, whether it may apply yet. */
record PublicAccountView(String userId, String kind, String name, String idNumber, String verifyBy, String contact,
    boolean verified, Instant registeredAt) {

  static PublicAccountView of(PublicAccount account) {
    String id = account.idNumber();
    return new PublicAccountView(account.userId(), account.kind().name(), account.name(),
        id.substring(0, 4) + "**********" + id.substring(id.length() - 4), account.verifyBy().name(),
        account.maskedContact(), account.verified(), account.registeredAt());
  }
}
