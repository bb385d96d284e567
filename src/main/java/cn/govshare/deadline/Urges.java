package cn.govshare.deadline;

import cn.govshare.ApiException;
import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import cn.govshare.audit.AuditTrail;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.clock.Zones;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.Groups;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催办 (issue 23): the applicant department, once a configured share of the step's period has passed, and
 * supervisors at any time, may urge an open step once per working day. The holders are read from the engine's
 * task (assignee, else candidate groups), the case and its departments from GovShare's own rows; each urge is
 * an audit record and shows on the case's deadlines.
 */
@Service
public class Urges {

  static final String CATEGORY = "URGE";

  private final DeadlineMapper mapper;
  private final ObjectProvider<CaseDirectory> directories;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final WorkingCalendar calendar;
  private final TaskService tasks;
  private final Clock clock;
  private final double applicantShare;

  Urges(DeadlineMapper mapper, ObjectProvider<CaseDirectory> directories, Notifications notifications,
      AuditTrail audit, WorkingCalendar calendar, TaskService tasks, Clock clock,
      @Value("${govshare.urge.applicant-share}") double applicantShare) {
    if (applicantShare < 0 || applicantShare > 1) {
      throw new IllegalArgumentException("govshare.urge.applicant-share must be 0..1: " + applicantShare);
    }
    this.mapper = mapper;
    this.directories = directories;
    this.notifications = notifications;
    this.audit = audit;
    this.calendar = calendar;
    this.tasks = tasks;
    this.clock = clock;
    this.applicantShare = applicantShare;
  }

  @Transactional
  public Urge urge(Caller caller, long deadlineId) {
    DeadlineRecord deadline = mapper.findById(deadlineId);
    if (deadline == null) {
      throw ApiException.notFound("没有时限记录 " + deadlineId);
    }
    Optional<CaseRef> found = caseOf(deadline.processInstanceId());
    String party = party(caller, deadline, found);
    if (!deadline.isIn(DeadlineState.OPEN) && !deadline.isIn(DeadlineState.BREACHED)) {
      throw ApiException.conflict("id", "该步骤已办结，无需催办");
    }
    LocalDate today = clock.instant().atZone(Zones.SHANGHAI).toLocalDate();
    if (!Groups.SUPERVISORS.equals(party)) {
      LocalDate allowedFrom = allowedFrom(deadline);
      if (today.isBefore(allowedFrom)) {
        throw ApiException.conflict("id", "期限过半后方可催办，自 " + allowedFrom + " 起")
            .with("urgeAllowedFrom", allowedFrom.toString());
      }
    }
    LocalDate workingDay = workingDayOf(today);
    if (mapper.countUrges(deadlineId, party, workingDay) > 0) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "urged-today", "id", null,
          "今日已催办，每个工作日可催办一次 (" + workingDay + ")").with("urgeAllowedFrom", nextWorkingDay(workingDay)
          .toString());
    }
    List<String> holders = tell(caller, deadline);
    Urge urge = new Urge(null, deadlineId, party, workingDay, clock.instant(), caller.userId(), caller.name(),
        String.join(",", holders));
    mapper.insertUrge(urge);
    Set<String> concerns = new HashSet<>(found.map(CaseRef::departments).orElse(Set.of()));
    if (deadline.department() != null) {
      concerns.add(deadline.department());
    }
    audit.record(caller, "URGE", found.map(CaseRef::type).orElse(DeadlineLedger.REF_TYPE),
        found.map(c -> String.valueOf(c.id())).orElse(String.valueOf(deadlineId)), AuditTrail.OK,
        "催办 " + deadline.taskName() + " (时限 " + deadlineId + ")，通知 " + urge.holders(), concerns);
    return urge;
  }

  /** Supervisors urge as {@code supervisors}; a department only as a party to the case that does not hold the step. */
  private static String party(Caller caller, DeadlineRecord deadline, Optional<CaseRef> found) {
    if (caller.isSupervisor()) {
      return Groups.SUPERVISORS;
    }
    String department = caller.department();
    if (department == null || found.isEmpty() || !found.get().departments().contains(department)
        || department.equals(deadline.department())) {
      throw ApiException.forbidden("只有申请部门和监督人员可以催办此步骤");
    }
    return department;
  }

  /** The first day the applicant may urge: the working day after the share of the period (in WD) has passed. */
  LocalDate allowedFrom(DeadlineRecord deadline) {
    LocalDate start = deadline.startedAt().atZone(Zones.SHANGHAI).toLocalDate();
    if (deadline.dueDate() == null) {
      return nextWorkingDay(start);
    }
    int period = Math.max(0, calendar.workingDaysBetween(start, deadline.dueDate()));
    int passed = (int) Math.ceil(applicantShare * period);
    return passed == 0 ? start : nextWorkingDay(calendar.due(deadline.startedAt(), passed).dueDate());
  }

  private LocalDate workingDayOf(LocalDate day) {
    return calendar.isWorkingDay(day) ? day : nextWorkingDay(day);
  }

  private LocalDate nextWorkingDay(LocalDate day) {
    return calendar.due(day.atStartOfDay(Zones.SHANGHAI).toInstant(), 1).dueDate();
  }

  /** Notifies whoever holds the step now, as the engine's task says; returns them. */
  private List<String> tell(Caller caller, DeadlineRecord deadline) {
    Instant due = deadline.dueAt();
    String subject = "催办: " + deadline.taskName() + (due == null ? "" : "，应于 " + Zones.MINUTES.format(due) + " 前办结");
    String body = subject + "\n催办人: " + caller.name() + (caller.department() == null ? "（监督）"
        : "（" + caller.department() + "）") + "\n业务: " + (deadline.businessKey() == null ? "-"
        : deadline.businessKey()) + "；" + deadline.rule() + " " + deadline.citation();
    String refId = String.valueOf(deadline.id());
    Task task = holderTask(deadline);
    if (task != null && task.getAssignee() != null) {
      notifications.notifyUser(task.getAssignee(), CATEGORY, subject, body, DeadlineLedger.REF_TYPE, refId, due);
      return List.of(task.getAssignee());
    }
    List<String> groups = task == null ? List.of() : tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).sorted().toList();
    if (groups.isEmpty() && deadline.candidateGroups() != null) {
      groups = List.of(deadline.candidateGroups().split(","));
    }
    for (String group : groups) {
      notifications.notifyGroup(group, CATEGORY, subject, body, DeadlineLedger.REF_TYPE, refId, due);
    }
    return groups;
  }

  private Task holderTask(DeadlineRecord deadline) {
    return deadline.taskId().startsWith(DeadlineLedger.SCOPE_PREFIX)
        ? tasks.createTaskQuery().processInstanceId(deadline.processInstanceId()).list().stream().findFirst()
            .orElse(null)
        : tasks.createTaskQuery().taskId(deadline.taskId()).singleResult();
  }

  private Optional<CaseRef> caseOf(String processInstanceId) {
    return directories.orderedStream().map(d -> d.byProcessInstance(processInstanceId)).flatMap(Optional::stream)
        .findFirst();
  }
}
