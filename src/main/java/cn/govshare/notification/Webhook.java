package cn.govshare.notification;

import java.time.Instant;

/**
 * A JSON webhook of a department or a user. {@code secret} signs each body (HMAC-SHA256) and never leaves
 * GovShare; {@code template} is the JSON body with {@code {{placeholders}}}, null for the default body.
 */
record Webhook(Long id, OwnerType ownerType, String owner, String url, String secret, String template,
    boolean enabled, Instant updatedAt, String updatedBy) {

  enum OwnerType {
    DEPARTMENT,
    USER
  }
}
