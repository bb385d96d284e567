package cn.govshare.opendata;

import java.time.Instant;

/**
 * A citizen's or company's account of the open-data portal (R25): personal data, read only through the audited doors
 * of this package. The verification code is kept as a digest; the account applies only once it is verified.
 */
record PublicAccount(String userId, ApplicantKind kind, String name, String idNumber, String email, String phone,
    VerifyBy verifyBy, String codeDigest, Instant codeExpiresAt, int codeFailures, Instant verifiedAt,
    Instant registeredAt, String registeredFrom) {

  /** Who applies: a citizen (resident identity number) or a company (unified social credit code). */
  enum ApplicantKind {
    PERSON("个人"), COMPANY("法人或其他组织");

    private final String chinese;

    ApplicantKind(String chinese) {
      this.chinese = chinese;
    }

    String chinese() {
      return chinese;
    }
  }

  /** Where the verification code goes. */
  enum VerifyBy {
    EMAIL, PHONE
  }

  boolean verified() {
    return verifiedAt != null;
  }

  /** The contact the code went to, masked for the applicant's own view (a***@example.cn, 138****5678). */
  String maskedContact() {
    if (verifyBy == VerifyBy.PHONE) {
      return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
    int at = email.indexOf('@');
    return email.charAt(0) + "***" + email.substring(at);
  }
}
