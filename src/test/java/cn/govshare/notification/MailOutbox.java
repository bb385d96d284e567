package cn.govshare.notification;

import org.springframework.context.ApplicationContext;

/** For tests of other features: sends every due delivery of the outbox now, as the scheduled sender would. */
public final class MailOutbox {

  private MailOutbox() {
  }

  public static int drain(ApplicationContext context) {
    DeliverySender sender = context.getBean(DeliverySender.class);
    int tried = 0;
    for (int run = sender.sendDue(); run > 0; run = sender.sendDue()) {
      tried += run;
    }
    return tried;
  }
}
