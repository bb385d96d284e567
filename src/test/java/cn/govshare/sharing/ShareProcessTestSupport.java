package cn.govshare.sharing;

import cn.govshare.EngineTime;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.deadline.DeadlineView;
import cn.govshare.deadline.Deadlines;
import cn.govshare.notification.Notification;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.policy.ActivePolicy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the share-request process tests share: the beans, an application by the demo applicant, its process
 * and deadlines, what a department was told, and the baseline profile and real clock restored after each test.
 */
abstract class ShareProcessTestSupport {

  static final Caller RSJ = new Caller("rsj-applicant", "孙丽", "rsj", Set.of("rsj"));

  @Autowired
  ProcessEngine engine;

  @Autowired
  ShareRequests requests;

  @Autowired
  ActivePolicy policy;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  Deadlines deadlines;

  @Autowired
  Notifications notifications;

  @AfterEach
  void baseline() {
    engine.getIdentityService().clearAuthentication();
    policy.activate("baseline");
    ClockUtil.reset();
  }

  ShareRequest apply(String resource) {
    return requests.submit(RSJ, new NewShareRequest(resource, Purpose.WORK_REFERENCE, "核对户籍变动", "社会保险业务系统",
        List.of("姓名")));
  }

  ProcessInstance instance(ShareRequest request) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(request.processInstanceId()).singleResult();
  }

  /** The newest deadline of a task or timed sub-process of this instance. */
  DeadlineView deadline(ProcessInstance pi, String key) {
    return deadlines.forProcessInstance(pi.getId()).stream().filter(d -> key.equals(d.taskDefinitionKey()))
        .reduce((first, last) -> last).orElseThrow();
  }

  static Instant instant(String time) {
    return OffsetDateTime.parse(time).toInstant();
  }

  /** Moves the engine clock (fixed, named dates: STYLE). */
  static void at(String time) {
    EngineTime.at(time);
  }

  /** Waits up to 30 s for the job executor (a breach timer firing). */
  static void await(BooleanSupplier condition) {
    EngineTime.await(condition);
  }

  List<Notification> told(String group, long requestId) {
    return notifications.about("SHARE_REQUEST", String.valueOf(requestId)).stream()
        .filter(n -> group.equals(n.recipient())).toList();
  }
}
