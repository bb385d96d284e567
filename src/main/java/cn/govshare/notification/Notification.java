package cn.govshare.notification;

import java.time.Instant;

/** A message to a group or a user: reminders, breach reports, answers to applicants (R14, R22, R27). */
public record Notification(Long id, Instant createdAt, String recipientType, String recipient, String category,
    String subject, String body, String refType, String refId) {
}
