package cn.govshare.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.audit.AuditRecord;
import cn.govshare.audit.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 23 end to end: notifications written with their event leave through mail (an in-process SMTP server)
 * and signed JSON webhooks (a local receiver), retried, never twice, in working hours; through /api only as
 * far as the caller may see and change.
 */
@GovShareTest
class NotificationDeliveryTest {

  private static final String SECRET = "webhook-secret-of-mzj-0123456789";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @LocalServerPort
  int port;

  @Autowired
  Notifications notifications;

  @Autowired
  DeliverySender sender;

  @Autowired
  MailChannel mail;

  @Autowired
  WebhookChannel webhook;

  @Autowired
  NotificationSettings settings;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JavaMailSenderImpl mailSender;

  @Autowired
  TaskService tasks;

  @Autowired
  DeliveryMapper deliveries;

  @Autowired
  WorkingHours workingHours;

  @Autowired
  Clock clock;

  @Autowired
  AuditTrail audit;

  private final List<String> webhooks = new ArrayList<>();

  @BeforeEach
  void pointMailAtTheTestServer() throws Exception {
    mailSender.setPort(SMTP.getSmtp().getPort());
    SMTP.purgeEmailFromAllMailboxes();
    at("2025-10-13T10:00");
  }

  @AfterEach
  void removeWebhooksAndResetClock() {
    webhooks.forEach(path -> admin().delete(path));
    ClockUtil.reset();
  }

  @Test
  void mailArrivesWithItsChineseSubjectAndBody() throws Exception {
    long id = notifyUser("gaj-reviewer", "DEADLINE_BREACH", "超期：户籍变动信息审核", "您部门有一项共享申请已超期，请尽快办理。");
    drain(sender);

    MimeMessage received = mailTo("gaj-reviewer@demo.govshare.cn", "超期：户籍变动信息审核");
    assertThat(received.getContent().toString()).contains("您部门有一项共享申请已超期，请尽快办理。");
    JsonNode delivery = delivery("gaj-reviewer", id, "MAIL");
    assertThat(delivery.path("state").asText()).isEqualTo("SENT");
    assertThat(received.getMessageID()).isEqualTo(MailChannel.messageId(delivery.path("idempotencyKey").asText()));
    assertThat(delivery.path("history").get(0).path("outcome").asText()).isEqualTo("SENT");
    // a hanging mail server fails the attempt instead of stalling the sender
    assertThat(mailSender.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "10000");
  }

  @Test
  void groupMailReachesEveryMemberWhoKeepsMailOn() throws Exception {
    ApiClient head = ApiClient.as(port, "gaj-head");
    assertThat(head.put("/api/notifications/preferences", Map.of("mail", false, "webhook", true)).status())
        .isEqualTo(200);
    try {
      notifyGroup("gaj", "DEADLINE_BREACH", "组通知：人口基础信息", "请本部门审核人员办理。");
      drain(sender);
      MimeMessage received = mailTo("gaj-reviewer@demo.govshare.cn", "组通知：人口基础信息");
      assertThat(Arrays.stream(received.getAllRecipients()).map(Object::toString))
          .containsExactly("gaj-reviewer@demo.govshare.cn");
    } finally {
      head.put("/api/notifications/preferences", Map.of("mail", true, "webhook", true));
    }
  }

  @Test
  void webhookIsSignedAndCarriesOneIdempotencyKey() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start(SECRET)) {
      setWebhook("user", "mzj-applicant", Map.of("url", receiver.url(), "secret", SECRET));
      long id = notifyUser("mzj-applicant", "DEADLINE_BREACH", "答复：社保参保信息", "提供部门已同意，请查看授权。");
      drain(sender);

      String key = delivery("mzj-applicant", id, "WEBHOOK").path("idempotencyKey").asText();
      assertThat(receiver.requests()).singleElement().satisfies(request -> {
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.idempotencyKey()).isEqualTo(key);
      });
      JsonNode body = ApiClient.JSON.readTree(receiver.accepted().get(key));
      assertThat(body.path("idempotencyKey").asText()).isEqualTo(key);
      assertThat(body.path("subject").asText()).isEqualTo("答复：社保参保信息");
      assertThat(body.path("body").asText()).isEqualTo("提供部门已同意，请查看授权。");
    }
  }

  @Test
  void departmentTemplateShapesTheMessengerBody() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start(SECRET)) {
      setWebhook("department", "scjgj", Map.of("url", receiver.url(), "secret", SECRET,
          "template", "{\"msgtype\":\"text\",\"text\":{\"content\":\"{{subject}}\\n{{body}}\"}}"));
      notifyGroup("scjgj-head", "DEADLINE_BREACH", "延期待审批：\"法人\"信息", "第一行\n第二行");
      drain(sender);

      assertThat(receiver.requests()).singleElement().satisfies(request -> {
        assertThat(request.signatureValid()).isTrue();
        JsonNode body = ApiClient.JSON.readTree(request.body());
        assertThat(body.path("msgtype").asText()).isEqualTo("text");
        assertThat(body.path("text").path("content").asText()).isEqualTo("延期待审批：\"法人\"信息\n第一行\n第二行");
      });
    }
  }

  @Test
  void twoNodesSendingAtOnceSendEachMessageOnce() throws Exception {
    DeliverySender otherNode = new DeliverySender(deliveries, List.of(mail, webhook), settings, workingHours, clock);
    try (WebhookReceiver receiver = WebhookReceiver.start(SECRET)) {
      setWebhook("user", "mzj-applicant", Map.of("url", receiver.url(), "secret", SECRET));
      for (int i = 0; i < 20; i++) {
        notifyUser("mzj-applicant", "DEADLINE_BREACH", "双节点 " + i, "两个节点同时发送。");
      }
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> runs = nodes.invokeAll(List.of(() -> drain(sender), () -> drain(otherNode)));
        assertThat(runs.get(0).get() + runs.get(1).get()).isGreaterThanOrEqualTo(20);
      } finally {
        nodes.shutdown();
      }
      List<String> keys = receiver.requests().stream().map(WebhookReceiver.Received::idempotencyKey).toList();
      assertThat(keys).hasSizeGreaterThanOrEqualTo(20).doesNotHaveDuplicates();
    }
  }

  @Test
  void receiverThatWasDownGetsTheMessageOnceItIsBack() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.down(SECRET)) {
      setWebhook("user", "mzj-applicant", Map.of("url", receiver.url(), "secret", SECRET));
      long id = notifyUser("mzj-applicant", "DEADLINE_BREACH", "重试：数据疑义结果", "校核结果已出。");
      drain(sender);
      JsonNode failed = delivery("mzj-applicant", id, "WEBHOOK");
      assertThat(failed.path("state").asText()).isEqualTo("PENDING");
      assertThat(failed.path("lastError").asText()).startsWith("连接失败");
      assertThat(failed.path("nextAttemptAt").asText()).isNotEmpty();

      receiver.comeBack();
      drain(sender);
      assertThat(receiver.requests()).as("not before the back-off").isEmpty();
      later(settings.firstRetry());
      drain(sender);

      assertThat(receiver.requests()).hasSize(1);
      JsonNode delivered = delivery("mzj-applicant", id, "WEBHOOK");
      assertThat(delivered.path("state").asText()).isEqualTo("SENT");
      assertThat(delivered.path("history").findValuesAsText("outcome")).containsExactly("FAILED", "SENT");
    }
  }

  @Test
  void crashBetweenSendAndMarkResendsTheWebhookWithTheSameKeyAndParksTheMail() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start(SECRET)) {
      setWebhook("user", "rsj-applicant", Map.of("url", receiver.url(), "secret", SECRET));
      long id = notifyUser("rsj-applicant", "DEADLINE_BREACH", "崩溃演练：授权已签发", "授权已签发。");
      JsonNode viaWebhook = delivery("rsj-applicant", id, "WEBHOOK");
      JsonNode viaMail = delivery("rsj-applicant", id, "MAIL");
      // the node claims both, sends both, and dies before marking them sent
      webhook.send(sender.claim(viaWebhook.path("id").asLong()));
      mail.send(sender.claim(viaMail.path("id").asLong()));

      later(settings.lease().plusSeconds(1));
      sender.recoverExpiredLeases();
      drain(sender);

      assertThat(receiver.requests()).hasSize(2).extracting(WebhookReceiver.Received::idempotencyKey)
          .containsOnly(viaWebhook.path("idempotencyKey").asText());
      assertThat(receiver.accepted()).hasSize(1);
      assertThat(delivery("rsj-applicant", id, "WEBHOOK").path("state").asText()).isEqualTo("SENT");

      assertThat(mailsTo("rsj-applicant@demo.govshare.cn", "崩溃演练：授权已签发")).hasSize(1);
      JsonNode parked = delivery("rsj-applicant", id, "MAIL");
      assertThat(parked.path("state").asText()).isEqualTo("UNCERTAIN");
      assertThat(ids(ApiClient.as(port, "supervisor").get("/api/notifications/deliveries?failed=true&limit=500")
          .json())).contains(parked.path("id").asLong());
    }
  }

  @Test
  void deliveryThatKeepsFailingGivesUpShowsInHealthAndASupervisorSendsItAgain() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.down(SECRET)) {
      setWebhook("user", "scjgj-reviewer", Map.of("url", receiver.url(), "secret", SECRET));
      long id = notifyUser("scjgj-reviewer", "DEADLINE_BREACH", "放弃演练", "接收方一直不可用。");
      for (int attempt = 0; attempt < settings.maxAttempts(); attempt++) {
        drain(sender);
        later(settings.maxRetry());
      }
      JsonNode gaveUp = delivery("scjgj-reviewer", id, "WEBHOOK");
      assertThat(gaveUp.path("state").asText()).isEqualTo("GAVE_UP");
      assertThat(gaveUp.path("attempts").asInt()).isEqualTo(settings.maxAttempts());
      assertThat(gaveUp.path("history")).hasSize(settings.maxAttempts());

      JsonNode health = ApiClient.as(port, "supervisor").get("/actuator/health").json();
      assertThat(health.path("components").path("notification").path("status").asText()).isEqualTo("DEGRADED");
      assertThat(health.path("components").path("notification").path("details").path("latest").asText())
          .contains("连接失败");
      assertThat(ids(ApiClient.as(port, "supervisor").get("/api/notifications/deliveries?failed=true&limit=500")
          .json())).contains(gaveUp.path("id").asLong());
      assertThat(ids(ApiClient.as(port, "gaj-reviewer").get("/api/notifications/deliveries?failed=true&limit=500")
          .json())).doesNotContain(gaveUp.path("id").asLong());

      long deliveryId = gaveUp.path("id").asLong();
      assertThat(ApiClient.as(port, "scjgj-reviewer").post("/api/notifications/deliveries/" + deliveryId + "/retry",
          Map.of()).status()).isEqualTo(403);
      receiver.comeBack();
      assertThat(ApiClient.as(port, "supervisor").post("/api/notifications/deliveries/" + deliveryId + "/retry",
          Map.of()).status()).isEqualTo(202);
      drain(sender);
      assertThat(receiver.accepted()).hasSize(1);
      assertThat(delivery("scjgj-reviewer", id, "WEBHOOK").path("state").asText()).isEqualTo("SENT");
      assertThat(ApiClient.as(port, "supervisor").post("/api/notifications/deliveries/" + deliveryId + "/retry",
          Map.of()).status()).isEqualTo(409);
    }
  }

  @Test
  void reminderWrittenOnSaturdayWaitsForTheMakeupSundayWhileABreachGoesAtOnce() throws Exception {
    at("2025-09-27T10:00");
    long reminder = notifyUser("gaj-reviewer", "DEADLINE_REMINDER", "提醒：周六写下", "明日到期。");
    long breach = notifyUser("gaj-reviewer", "DEADLINE_BREACH", "超期：周六写下", "已超期。");
    drain(sender);
    assertThat(delivery("gaj-reviewer", breach, "MAIL").path("state").asText()).isEqualTo("SENT");
    JsonNode waiting = delivery("gaj-reviewer", reminder, "MAIL");
    assertThat(waiting.path("state").asText()).isEqualTo("PENDING");
    assertThat(Instant.parse(waiting.path("nextAttemptAt").asText())).isEqualTo(instant("2025-09-28T09:00"));

    at("2025-09-28T09:00");
    drain(sender);
    assertThat(delivery("gaj-reviewer", reminder, "MAIL").path("state").asText()).isEqualTo("SENT");
    assertThat(mailsTo("gaj-reviewer@demo.govshare.cn", "提醒：周六写下")).hasSize(1);
  }

  @Test
  void groupTaskTellsTheGroupAndAnAssignmentTellsTheAssigneeButNotWhoClaimsItself() {
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/share-requests",
        Map.of("resourceCode", "RK-002", "purpose", "DATA_VERIFICATION", "reason", "核对户籍变动",
            "systemName", "社会保险业务系统"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String task = tasks.createTaskQuery().processInstanceId(created.json().path("processInstanceId").asText())
        .singleResult().getId();
    ApiClient operator = ApiClient.as(port, "operator");
    assertThat(operator.get("/api/notifications?refType=TASK&refId=" + task).json().findValuesAsText("category"))
        .containsExactly(TaskNotices.CATEGORY_GROUP_TASK);

    assertThat(operator.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "operator")).status())
        .isEqualTo(204);
    assertThat(operator.get("/api/notifications?refType=TASK&refId=" + task).json()).hasSize(1);
    tasks.setAssignee(task, null);
    tasks.setAssignee(task, "operator");
    assertThat(operator.get("/api/notifications?refType=TASK&refId=" + task).json().findValuesAsText("category"))
        .containsExactly(TaskNotices.CATEGORY_ASSIGNED, TaskNotices.CATEGORY_GROUP_TASK);
  }

  @Test
  void usersSeeOnlyTheirOwnDeliveriesAndChooseOnlyTheirOwnChannels() {
    long id = notifyUser("mzj-applicant", "DEADLINE_BREACH", "私人：只给民政局", "他人不可见。");
    assertThat(ids(ApiClient.as(port, "mzj-applicant").get("/api/notifications/deliveries").json())).isNotEmpty();
    for (String other : List.of("gaj-reviewer", "rsj-applicant", "office")) {
      assertThat(notificationIds(ApiClient.as(port, other).get("/api/notifications/deliveries?limit=500").json()))
          .as(other).doesNotContain(id);
      assertThat(notificationIds(ApiClient.as(port, other)
          .get("/api/notifications/deliveries?failed=true&limit=500").json())).as(other).doesNotContain(id);
    }

    ApiClient reviewer = ApiClient.as(port, "gaj-reviewer");
    ApiClient.Response foreign = reviewer.put("/api/notifications/preferences",
        Map.of("userId", "gaj-head", "mail", false, "webhook", false));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json().path("field").asText()).isEqualTo("userId");
    assertThat(reviewer.put("/api/notifications/preferences/gaj-head", Map.of("mail", false, "webhook", false))
        .status()).isIn(404, 405);
    assertThat(ApiClient.as(port, "gaj-head").get("/api/notifications/preferences").json().path("mail").asBoolean())
        .isTrue();
    assertThat(reviewer.put("/api/notifications/preferences", Map.of("mail", true)).json().path("field").asText())
        .isEqualTo("webhook");
  }

  @Test
  void onlyAdministratorsSetWebhooksAndNobodyReadsASecretBack() {
    Map<String, Object> hook = Map.of("url", "https://qyapi.example.cn/cgi-bin/webhook/send?key=token-123",
        "secret", SECRET);
    for (String user : List.of("gaj-head", "supervisor", "operator")) {
      assertThat(ApiClient.as(port, user).put("/api/notifications/webhooks/department/gaj", hook).status()).as(user)
          .isEqualTo(403);
      assertThat(ApiClient.as(port, user).get("/api/notifications/webhooks").status()).as(user).isEqualTo(403);
    }
    JsonNode saved = setWebhook("department", "gaj", hook);
    assertThat(saved.path("secretSet").asBoolean()).isTrue();
    String listed = admin().get("/api/notifications/webhooks").text();
    assertThat(listed).contains("\"owner\":\"gaj\"").doesNotContain(SECRET).doesNotContain("token-123");
    assertThat(saved.toString()).doesNotContain(SECRET).doesNotContain("token-123");
    // a change without a secret keeps the old one
    assertThat(admin().put("/api/notifications/webhooks/department/gaj",
        Map.of("url", "https://oapi.example.cn/robot/send", "enabled", false)).status()).isEqualTo(200);
    List<AuditRecord> audited = audit.search("gaj", instant("2025-10-13T00:00"), instant("2025-10-14T00:00"), 500);
    assertThat(audited).extracting(AuditRecord::action).contains("WEBHOOK_CREATED", "WEBHOOK_CHANGED");
    assertThat(audited).extracting(AuditRecord::detail).noneMatch(d -> d != null && d.contains(SECRET));

    assertThat(field(admin().put("/api/notifications/webhooks/department/rsj",
        Map.of("url", "ftp://files.example.cn/hook", "secret", SECRET)))).isEqualTo("url");
    assertThat(field(admin().put("/api/notifications/webhooks/department/rsj",
        Map.of("url", "javascript:alert(1)", "secret", SECRET)))).isEqualTo("url");
    assertThat(field(admin().put("/api/notifications/webhooks/department/rsj",
        Map.of("url", "https://a.example.cn/hook")))).isEqualTo("secret");
    assertThat(field(admin().put("/api/notifications/webhooks/department/rsj",
        Map.of("url", "https://a.example.cn/hook", "secret", "short")))).isEqualTo("secret");
    assertThat(field(admin().put("/api/notifications/webhooks/department/rsj",
        Map.of("url", "https://a.example.cn/hook", "secret", SECRET, "template", "{\"text\": {{subject}}}"))))
        .isEqualTo("template");
    assertThat(field(admin().put("/api/notifications/webhooks/department/nobody",
        Map.of("url", "https://a.example.cn/hook", "secret", SECRET)))).isEqualTo("owner");
    assertThat(field(admin().put("/api/notifications/webhooks/group/rsj",
        Map.of("url", "https://a.example.cn/hook", "secret", SECRET)))).isEqualTo("ownerType");
  }

  @Test
  void nothingOfNotificationsIsReachableThroughEngineRest() {
    for (String user : List.of("admin", "supervisor", "gaj-reviewer")) {
      ApiClient client = ApiClient.as(port, user);
      assertThat(client.get("/engine-rest/notifications/deliveries").status()).as(user).isEqualTo(404);
      assertThat(client.put("/engine-rest/notifications/webhooks/department/gaj",
          Map.of("url", "https://a.example.cn/hook", "secret", SECRET)).status()).as(user).isIn(404, 405);
      assertThat(client.put("/engine-rest/notifications/preferences", Map.of("mail", false, "webhook", false))
          .status()).as(user).isIn(404, 405);
    }
    assertThat(admin().get("/api/notifications/webhooks").text()).doesNotContain("\"owner\":\"gaj\"");
  }

  /** Sends everything due (other tests leave deliveries too); returns how many this sender tried. */
  private static int drain(DeliverySender node) {
    int tried = 0;
    for (int run = node.sendDue(); run > 0; run = node.sendDue()) {
      tried += run;
    }
    return tried;
  }

  private JsonNode setWebhook(String ownerType, String owner, Map<String, Object> body) {
    String path = "/api/notifications/webhooks/" + ownerType + "/" + owner;
    ApiClient.Response saved = admin().put(path, body);
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    webhooks.add(path);
    return saved.json();
  }

  /**
   * Issue 25: notifications written together (a breach batch's), by several transactions at once beside single
   * ones, each get their own id: every delivery belongs to the notification it was made for (its idempotency key is
   * made of that notification's id and time) and every notification is stored as given.
   */
  @Test
  void notificationsWrittenTogetherEachKeepTheirOwnIdAndDeliveries(@Autowired JdbcTemplate jdbc) throws Exception {
    String ref = "T-" + UUID.randomUUID().toString().substring(0, 8);
    ExecutorService nodes = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    try {
      for (int t = 0; t < 4; t++) {
        int thread = t;
        work.add(nodes.submit(() -> {
          for (int batch = 0; batch < 5; batch++) {
            String tag = thread + "-" + batch;
            List<Notifications.GroupNotice> notices = new ArrayList<>();
            for (String group : List.of("gaj", "rsj", "scjgj")) {
              notices.add(new Notifications.GroupNotice(group, "VIOLATION", "批量 " + tag + " " + group,
                  "正文 \"" + tag + "\" 'x' \\ " + group + "\n第二行", ref, tag + ":" + group));
            }
            transaction.executeWithoutResult(status -> notifications.notifyGroups(notices));
            transaction.executeWithoutResult(status -> notifications.notifyGroup("gaj", "VIOLATION", "单条 " + tag,
                "单条正文", ref, tag + ":single"));
          }
          return null;
        }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      nodes.shutdown();
    }

    List<Notification> written = jdbc.query("SELECT id, created_at, recipient_type, recipient, category, subject, "
        + "body, ref_type, ref_id FROM gs_notification WHERE ref_type = ? ORDER BY id", (row, n) -> new Notification(
        row.getLong("id"), row.getTimestamp("created_at").toInstant(), row.getString("recipient_type"),
        row.getString("recipient"), row.getString("category"), row.getString("subject"), row.getString("body"),
        row.getString("ref_type"), row.getString("ref_id")), ref);
    assertThat(written).hasSize(4 * 5 * 4);
    for (Notification n : written) {
      String tag = n.refId().substring(0, n.refId().indexOf(':'));
      String group = n.refId().substring(n.refId().indexOf(':') + 1);
      if (group.equals("single")) {
        assertThat(n.subject()).isEqualTo("单条 " + tag);
      } else {
        assertThat(n.recipient()).isEqualTo(group);
        assertThat(n.subject()).isEqualTo("批量 " + tag + " " + group);
        assertThat(n.body()).isEqualTo("正文 \"" + tag + "\" 'x' \\ " + group + "\n第二行");
      }
      List<Map<String, Object>> own = jdbc.queryForList("SELECT channel, idempotency_key FROM gs_notification_delivery "
          + "WHERE notification_id = ?", n.id());
      // the key is made of the id and the creation time to the millisecond; the column keeps the second
      assertThat(own).as(n.refId()).isNotEmpty().allSatisfy(d -> assertThat(IntStream.range(0, 1000)
          .mapToObj(ms -> Outbox.idempotencyKey(new Notification(n.id(), n.createdAt().plusMillis(ms), null, null,
              null, null, null, null, null), n.id(), Channel.valueOf((String) d.get("CHANNEL")))))
          .contains((String) d.get("IDEMPOTENCY_KEY")));
    }
  }

  private long notifyUser(String user, String category, String subject, String body) {
    String ref = UUID.randomUUID().toString();
    transaction.executeWithoutResult(s -> notifications.notifyUser(user, category, subject, body, "TEST", ref));
    return ApiClient.as(port, user).get("/api/notifications?refType=TEST&refId=" + ref).json().get(0).path("id")
        .asLong();
  }

  private void notifyGroup(String group, String category, String subject, String body) {
    transaction.executeWithoutResult(s -> notifications.notifyGroup(group, category, subject, body, "TEST",
        UUID.randomUUID().toString()));
  }

  private JsonNode delivery(String user, long notificationId, String channel) {
    JsonNode all = ApiClient.as(port, user).get("/api/notifications/deliveries?limit=500").json();
    return StreamSupport.stream(all.spliterator(), false)
        .filter(d -> d.path("notificationId").asLong() == notificationId && d.path("channel").asText().equals(channel))
        .findFirst().orElseThrow(() -> new AssertionError("no " + channel + " delivery of " + notificationId));
  }

  private MimeMessage mailTo(String address, String subject) throws Exception {
    SMTP.waitForIncomingEmail(5000, 1);
    List<MimeMessage> found = mailsTo(address, subject);
    assertThat(found).as("mail to " + address + ": " + subject).hasSize(1);
    return found.get(0);
  }

  private List<MimeMessage> mailsTo(String address, String subject) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : SMTP.getReceivedMessagesForDomain(address)) {
      if (subject.equals(message.getSubject())) {
        found.add(message);
      }
    }
    return found;
  }

  private static List<Long> ids(JsonNode deliveries) {
    return deliveries.findValues("id").stream().map(JsonNode::asLong).toList();
  }

  private static List<Long> notificationIds(JsonNode deliveries) {
    return deliveries.findValues("notificationId").stream().map(JsonNode::asLong).toList();
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    return response.json().path("field").asText();
  }

  private ApiClient admin() {
    return ApiClient.as(port, "admin");
  }

  private static void at(String local) {
    ClockUtil.setCurrentTime(Date.from(instant(local)));
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private static Instant instant(String local) {
    return OffsetDateTime.parse(local + ":00+08:00").toInstant();
  }
}
