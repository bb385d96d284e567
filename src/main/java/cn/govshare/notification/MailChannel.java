package cn.govshare.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring's {@link JavaMailSender}, on when {@code spring.mail.host} is set: one UTF-8 message
 * to the recipient or the group's members, its Message-ID derived from the notification and the channel.
 */
@Component
class MailChannel implements ChannelSender {

  static final String MESSAGE_ID_DOMAIN = "notification.govshare";
  private static final String FOOTER = "\n\n——\nGovShare 政务信息资源共享审批平台（本邮件由系统发送，请勿直接回复）";

  private final ObjectProvider<JavaMailSender> mail;
  private final Recipients recipients;
  private final String from;

  MailChannel(ObjectProvider<JavaMailSender> mail, Recipients recipients,
      @Value("${govshare.notification.mail-from}") String from) {
    this.mail = mail;
    this.recipients = recipients;
    this.from = from;
  }

  @Override
  public Channel channel() {
    return Channel.MAIL;
  }

  @Override
  public String send(Delivery delivery) throws DeliveryFailure {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new DeliveryFailure("邮件未配置 (spring.mail.host)");
    }
    List<String> to = recipients.mailAddresses(delivery.notification());
    if (to.isEmpty()) {
      return null;
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(delivery.notification().subject());
      helper.setText(text(delivery.notification()));
      // kept by JavaMailSenderImpl: a resent message carries the same id (docs/notifications.md)
      message.setHeader("Message-ID", messageId(delivery.idempotencyKey()));
      sender.send(message);
    } catch (MessagingException | MailException e) {
      throw new DeliveryFailure("邮件发送失败: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return String.join(",", to);
  }

  static String messageId(String idempotencyKey) {
    return "<" + idempotencyKey + "@" + MESSAGE_ID_DOMAIN + ">";
  }

  private static String text(Notification notification) {
    String body = notification.body() == null || notification.body().isBlank() ? notification.subject()
        : notification.body();
    return body + FOOTER;
  }
}
