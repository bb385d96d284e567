package cn.govshare.opendata;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.notification.Notifications;
import cn.govshare.opendata.PublicAccount.ApplicantKind;
import cn.govshare.opendata.PublicAccount.VerifyBy;
import cn.govshare.org.Caller;
import cn.govshare.org.Groups;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public accounts of the open-data portal (R25; nanchang 18, 21): registration with a name, an identity number
 * checked for form and a contact that must be verified with a code before the account may apply. The account is a
 * Camunda user in {@code public-applicants} only, its id {@code pub-<loginName>}, so that it can never be or join a
 * department, a role group or a government user.
 */
@Service
class PublicAccounts {

  static final String AUDIT_TYPE = "PUBLIC_ACCOUNT";
  static final String VERIFICATION_CATEGORY = "PUBLIC_VERIFICATION";
  private static final Pattern LOGIN_NAME = Pattern.compile("[a-z0-9]{3,24}");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,185}\\.[A-Za-z]{2,}");
  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
  private static final int MAX_NAME = 100;
  private final SecureRandom random = new SecureRandom();

  private final PublicAccountMapper mapper;
  private final IdentityService identity;
  private final Notifications notifications;
  private final ObjectProvider<PhoneVerificationSender> phones;
  private final ObjectProvider<JavaMailSender> mail;
  private final PublicRateLimits limits;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration codeValidFor;
  private final int maxCodeFailures;

  PublicAccounts(PublicAccountMapper mapper, IdentityService identity, Notifications notifications,
      ObjectProvider<PhoneVerificationSender> phones, ObjectProvider<JavaMailSender> mail, PublicRateLimits limits, AuditTrail audit, Clock clock,
      @Value("${govshare.open-data.code-valid-for}") Duration codeValidFor,
      @Value("${govshare.open-data.code-max-failures}") int maxCodeFailures) {
    this.mapper = mapper;
    this.identity = identity;
    this.notifications = notifications;
    this.phones = phones;
    this.mail = mail;
    this.limits = limits;
    this.audit = audit;
    this.clock = clock;
    this.codeValidFor = codeValidFor;
    this.maxCodeFailures = maxCodeFailures;
  }

  /** Whether registration can send its code, and what the page tells a visitor before they fill the form in. */
  record Registration(boolean open, String message) {
  }

  /**
   * Registration is open when a code can reach the applicant: e-mail needs a mail server ({@code spring.mail.host});
   * without one the page says so before anyone fills the form in, and names the demo's verified account where the
   * demo organisation is loaded.
   */
  Registration registration() {
    if (mail.getIfAvailable() != null) {
      return new Registration(true, null);
    }
    boolean demo = identity.createUserQuery().userId(DemoPublicAccount.USER).count() > 0;
    return new Registration(false, "本平台未配置邮件服务，暂不能发送验证码，注册暂停。"
        + (demo ? "演示环境可用已验证的演示账号登录：登录名 demo，密码 " + DemoPublicAccount.USER + "。" : "请联系平台管理单位。"));
  }

  /** POST /api/public/accounts: the account, inactive until its code is confirmed; the code is sent at once. */
  @Transactional
  PublicAccountView register(NewPublicAccount body, String address) {
    limits.registration(address);
    if (body == null) {
      throw ApiException.badRequest("loginName", "请填写注册信息");
    }
    String loginName = StringUtils.strip(body.loginName());
    if (loginName == null || !LOGIN_NAME.matcher(loginName).matches()) {
      throw ApiException.badRequest("loginName", "登录名须为3至24位小写字母或数字；账号为 " + Groups.PUBLIC_PREFIX + "登录名");
    }
    String userId = Groups.PUBLIC_PREFIX + loginName;
    String password = body.password();
    if (password == null || password.length() < 8 || password.length() > 64 || !password.matches(".*[A-Za-z].*")
        || !password.matches(".*\\d.*")) {
      throw ApiException.badRequest("password", "密码须为8至64位，且同时含字母和数字");
    }
    ApplicantKind kind = kind(body.kind());
    String name = StringUtils.strip(body.name());
    if (name == null || name.length() < 2 || name.length() > MAX_NAME) {
      throw ApiException.badRequest("name", "请填写2至" + MAX_NAME + "个字的姓名或单位名称");
    }
    String idNumber = StringUtils.upperCase(StringUtils.strip(body.idNumber()), Locale.ROOT);
    String problem = kind == ApplicantKind.PERSON ? IdNumbers.residentIdProblem(idNumber)
        : IdNumbers.creditCodeProblem(idNumber);
    if (problem != null) {
      throw ApiException.badRequest("idNumber", problem);
    }
    VerifyBy verifyBy = verifyBy(body.verifyBy());
    String email = StringUtils.stripToNull(body.email());
    String phone = StringUtils.stripToNull(body.phone());
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      throw ApiException.badRequest("email", "电子邮箱格式不正确");
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw ApiException.badRequest("phone", "手机号码须为11位中国大陆手机号");
    }
    if (verifyBy == VerifyBy.EMAIL && email == null) {
      throw ApiException.badRequest("email", "请填写用于接收验证码的电子邮箱");
    }
    if (verifyBy == VerifyBy.EMAIL && mail.getIfAvailable() == null) {
      // no mail server (spring.mail.host): the code could never arrive
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "mail-not-configured", "email", null,
          "本平台未配置邮件服务，暂不能发送验证码，请稍后再注册或联系平台管理单位");
    }
    if (verifyBy == VerifyBy.PHONE) {
      if (phones.getIfAvailable() == null) {
        throw ApiException.badRequest("verifyBy", "本平台未接入短信网关，暂不能用手机号验证，请用电子邮箱验证");
      }
      if (phone == null) {
        throw ApiException.badRequest("phone", "请填写用于接收验证码的手机号码");
      }
    }
    if (identity.createUserQuery().userId(userId).count() > 0 || identity.createGroupQuery().groupId(userId)
        .count() > 0) {
      throw ApiException.conflict("loginName", "登录名已被使用: " + loginName);
    }
    if (mapper.countIdNumber(idNumber) > 0) {
      throw ApiException.conflict("idNumber", "该证件号码已注册账号，请直接登录");
    }
    String code = newCode();
    Instant now = clock.instant();
    PublicAccount account = new PublicAccount(userId, kind, name, idNumber, email, phone, verifyBy,
        digest(userId, code), now.plus(codeValidFor), 0, null, now, StringUtils.left(address, 64));
    createUser(account, password);
    mapper.insert(account);
    Caller actor = new Caller(userId, name, null, Set.of(Groups.PUBLIC_APPLICANTS));
    audit.record(actor, "PUBLIC_ACCOUNT_REGISTERED", AUDIT_TYPE, userId, AuditTrail.OK, "公众账号注册（"
        + kind.chinese() + "，个人信息存于公众账号记录，验证方式 " + verifyBy + "），来源 " + account.registeredFrom(), Set.of());
    send(account, code);
    return PublicAccountView.of(account);
  }

  /** POST /api/public/accounts/{id}/verification: the owner confirms the code; then the account may apply. */
  // a wrong code counts even though the call fails
  @Transactional(noRollbackFor = ApiException.class)
  PublicAccountView verify(Caller caller, String userId, String code) {
    PublicAccount account = own(caller, userId);
    if (account.verified()) {
      throw ApiException.conflict("code", "账号已验证");
    }
    if (account.codeDigest() == null || account.codeFailures() >= maxCodeFailures) {
      throw ApiException.conflict("code", "验证码已失效（错误次数过多），请重新获取验证码");
    }
    if (!account.codeExpiresAt().isAfter(clock.instant())) {
      throw ApiException.conflict("code", "验证码已过期，请重新获取验证码");
    }
    String given = StringUtils.strip(code);
    if (given == null || !given.matches("\\d{6}") || !MessageDigest.isEqual(
        digest(userId, given).getBytes(StandardCharsets.US_ASCII),
        account.codeDigest().getBytes(StandardCharsets.US_ASCII))) {
      mapper.failedCode(userId);
      audit.record(caller, "PUBLIC_ACCOUNT_CODE_FAILED", AUDIT_TYPE, userId, AuditTrail.REJECTED, "验证码错误", Set.of());
      throw ApiException.badRequest("code", "验证码不正确");
    }
    if (mapper.verify(userId, account.codeDigest(), clock.instant()) != 1) {
      throw ApiException.conflict("code", "账号已验证或验证码已更换，请刷新");
    }
    audit.record(caller, "PUBLIC_ACCOUNT_VERIFIED", AUDIT_TYPE, userId, AuditTrail.OK,
        "联系方式已验证（" + account.verifyBy() + "）", Set.of());
    return PublicAccountView.of(mapper.find(userId));
  }

  /** POST /api/public/accounts/{id}/verification-code: a new code (the old one stops working), rate-limited. */
  @Transactional
  PublicAccountView resend(Caller caller, String userId) {
    PublicAccount account = own(caller, userId);
    if (account.verified()) {
      throw ApiException.conflict("code", "账号已验证");
    }
    limits.verificationCode(userId);
    String code = newCode();
    mapper.newCode(userId, digest(userId, code), clock.instant().plus(codeValidFor));
    audit.record(caller, "PUBLIC_ACCOUNT_CODE_SENT", AUDIT_TYPE, userId, AuditTrail.OK, "重新发送验证码", Set.of());
    send(account, code);
    return PublicAccountView.of(mapper.find(userId));
  }

  /** The caller's own account (GET /api/public/accounts/{id}). */
  PublicAccountView view(Caller caller, String userId) {
    return PublicAccountView.of(own(caller, userId));
  }

  /** The account of a public caller who may apply: verified; anyone else is refused. */
  PublicAccount applicant(Caller caller) {
    if (!caller.isPublicApplicant()) {
      throw ApiException.forbidden("开放数据申请由公众账号在数据开放门户提出；政务部门之间的数据请求请走共享申请");
    }
    PublicAccount account = mapper.find(caller.userId());
    if (account == null) {
      throw ApiException.forbidden("该账号不是数据开放门户注册的公众账号");
    }
    if (!account.verified()) {
      throw ApiException.forbidden("账号尚未验证联系方式，请先填写验证码");
    }
    return account;
  }

  /** The applicant's personal data, for the provider of their request and supervisors (the caller checks). */
  PublicAccount personalData(String userId) {
    return mapper.find(userId);
  }

  /** The demo's account, verified, created once (DemoPublicAccount). */
  @Transactional
  void ensureDemo(PublicAccount account, String password) {
    if (mapper.find(account.userId()) != null || identity.createUserQuery().userId(account.userId()).count() > 0) {
      return;
    }
    Instant now = clock.instant();
    PublicAccount verified = new PublicAccount(account.userId(), account.kind(), account.name(), account.idNumber(),
        account.email(), account.phone(), account.verifyBy(), null, null, 0, now, now, account.registeredFrom());
    createUser(verified, password);
    mapper.insert(verified);
  }

  private PublicAccount own(Caller caller, String userId) {
    PublicAccount account = caller.userId().equals(userId) ? mapper.find(userId) : null;
    if (account == null) {
      // the same answer for someone else's account and one that does not exist
      throw ApiException.notFound("账号不存在: " + userId);
    }
    return account;
  }

  private void createUser(PublicAccount account, String password) {
    if (identity.createGroupQuery().groupId(Groups.PUBLIC_APPLICANTS).count() == 0) {
      Group group = identity.newGroup(Groups.PUBLIC_APPLICANTS);
      group.setName("数据开放门户公众申请人");
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
    User user = identity.newUser(account.userId());
    user.setFirstName(account.name());
    user.setLastName("");
    user.setEmail(account.email());
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(account.userId(), Groups.PUBLIC_APPLICANTS);
  }

  private void send(PublicAccount account, String code) {
    String text = "您在数据开放门户注册的账号 " + account.userId() + " 的验证码为 " + code + "，" + codeValidFor.toMinutes()
        + " 分钟内有效。如非本人操作，请忽略。";
    if (account.verifyBy() == VerifyBy.PHONE) {
      phones.getObject().send(account.phone(), text);
      return;
    }
    // the outbox mails it at once (govshare.notification.immediate-categories)
    notifications.notifyUser(account.userId(), VERIFICATION_CATEGORY, "数据开放门户验证码", text, AUDIT_TYPE,
        account.userId());
  }

  private String newCode() {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  static String digest(String userId, String code) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest((userId + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static ApplicantKind kind(String value) {
    try {
      return ApplicantKind.valueOf(StringUtils.defaultString(value).strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("kind", "申请人类型须为 PERSON（个人，公民身份号码）或 COMPANY（法人或其他组织，统一社会信用代码）");
    }
  }

  private static VerifyBy verifyBy(String value) {
    if (value == null || value.isBlank()) {
      return VerifyBy.EMAIL;
    }
    try {
      return VerifyBy.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("verifyBy", "验证方式须为 EMAIL 或 PHONE");
    }
  }
}
