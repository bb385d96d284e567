package cn.govshare.notification;

/** How a notification leaves GovShare besides the record itself. */
public enum Channel {
  MAIL,
  WEBHOOK
}
