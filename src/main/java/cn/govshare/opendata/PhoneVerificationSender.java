package cn.govshare.opendata;

/**
 * Sends a portal verification code by SMS. GovShare ships no SMS gateway: without a bean of this type, phone
 * verification is off and registration asks for an e-mail address (docs/open-data.md).
 */
public interface PhoneVerificationSender {

  /** Sends {@code text} to the mainland mobile number {@code phone}; throws when the gateway refuses. */
  void send(String phone, String text);
}
