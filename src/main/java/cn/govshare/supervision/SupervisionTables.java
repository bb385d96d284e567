package cn.govshare.supervision;

import cn.govshare.ApiException;
import cn.govshare.clock.Zones;
import cn.govshare.deadline.DeadlineRow;
import cn.govshare.deadline.DeadlineState;
import cn.govshare.deadline.Deadlines;
import cn.govshare.org.Caller;
import cn.govshare.org.Department;
import cn.govshare.org.DepartmentService;
import cn.govshare.org.Groups;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.PolicyProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Service;

/**
 * The tables of the supervision page (issue 20, R27, R29): deadlines (breaches and open ones by default), the
 * violation register and the rectification orders, filtered by department, state or kind and date range. The page
 * shows exactly what the CSV and Excel exports contain. Supervisors and the general office only.
 */
@Service
class SupervisionTables {

  static final Set<String> NAMES = Set.of("deadlines", "violations", "orders");
  static final int MAX_ROWS = 5000;
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(Zones.SHANGHAI);
  private static final Map<String, String> DEADLINE_STATES = Map.of("OPEN", "办理中", "MET", "按期办结",
      "BREACHED", "已超期", "LATE", "超期办结", "CANCELLED", "已撤销");
  private static final Map<RectificationState, String> ORDER_STATES = Map.of(RectificationState.ISSUED, "待整改",
      RectificationState.LAPSED, "逾期未整改", RectificationState.ANSWERED, "待审核", RectificationState.ACCEPTED,
      "整改通过", RectificationState.CANCELLED, "已终止");
  private static final Set<String> OPEN_AND_BREACHED = Set.of("OPEN", "BREACHED", "LATE");

  private final Deadlines deadlines;
  private final Violations violations;
  private final RectificationOrders orders;
  private final RectificationTaskChecks tasks;
  private final DepartmentService departments;
  private final ActivePolicy policy;

  SupervisionTables(Deadlines deadlines, Violations violations, RectificationOrders orders,
      RectificationTaskChecks tasks, DepartmentService departments, ActivePolicy policy) {
    this.policy = policy;
    this.deadlines = deadlines;
    this.violations = violations;
    this.orders = orders;
    this.tasks = tasks;
    this.departments = departments;
  }

  /** The filters of every table; {@code state} is a deadline state list, an order state, or a violation kind. */
  record Filter(String department, String state, LocalDate from, LocalDate to) {
  }

  SupervisionTable table(Caller caller, String name, Filter filter) {
    if (!Violations.seesAll(caller)) {
      throw ApiException.forbidden("监督页面仅供监督人员和办公厅使用");
    }
    if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
      throw ApiException.badRequest("from", "起始日期不能晚于结束日期");
    }
    String department = StringUtils.stripToNull(filter.department());
    return switch (name) {
      case "deadlines" -> deadlines(department, filter);
      case "violations" -> violations(caller, department, filter);
      case "orders" -> orders(caller, department, filter);
      default -> throw ApiException.notFound("没有这个表: " + StringUtils.abbreviate(name, 32));
    };
  }

  private SupervisionTable deadlines(String department, Filter filter) {
    Set<String> states = OPEN_AND_BREACHED;
    if (StringUtils.isNotBlank(filter.state())) {
      states = new LinkedHashSet<>();
      for (String state : filter.state().split(",")) {
        try {
          states.add(DeadlineState.valueOf(state.strip()).name());
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest("state", "state 须为 " + Arrays.toString(DeadlineState.values()) + " 之一: "
              + StringUtils.abbreviate(state, 32));
        }
      }
    }
    List<List<Object>> rows = deadlines.search(states, department, filter.from(), filter.to(), MAX_ROWS).stream()
        .map(this::row).toList();
    return new SupervisionTable("deadlines", "时限与超期", List.of("编号", "案件", "承办部门", "环节", "规则", "依据",
        "起算", "应于此前办结", "状态", "超期时间", "办结时间", "超期工作日", "节假日数据"), rows);
  }

  private List<Object> row(DeadlineRow d) {
    return Arrays.asList(d.id(), d.businessKey(), department(d.department()), d.taskName(), d.rule(),
        d.citation(), time(d.startedAt()), time(d.dueAt()), DEADLINE_STATES.getOrDefault(d.state(), d.state()),
        time(d.breachedAt()), time(d.completedAt()), d.workingDaysOverdue(), d.fallback() ? "缺少，按周末计算" : "正式");
  }

  private SupervisionTable violations(Caller caller, String department, Filter filter) {
    ViolationKind kind = null;
    if (StringUtils.isNotBlank(filter.state())) {
      try {
        kind = ViolationKind.valueOf(filter.state().strip());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("state", "违规情形须为 " + Arrays.toString(ViolationKind.values()) + " 之一");
      }
    }
    List<List<Object>> rows = violations.list(caller, department, kind, null).stream()
        .filter(v -> within(v.recordedAt(), filter))
        .map(v -> Arrays.<Object>asList(v.id(), department(v.department()), v.kind().chinese(), v.citation(), v.item(),
            v.summary(), time(v.recordedAt()), v.bySystem() ? "系统" : v.recordedBy(),
            v.withdrawnAt() == null ? "有效" : "已撤销：" + v.withdrawnReason()))
        .toList();
    return new SupervisionTable("violations", "违规记录", List.of("编号", "部门", "违规情形", "依据", "条款内容", "事实",
        "登记时间", "登记人", "状态"), rows);
  }

  private SupervisionTable orders(Caller caller, String department, Filter filter) {
    RectificationState state = null;
    if (StringUtils.isNotBlank(filter.state())) {
      try {
        state = RectificationState.valueOf(filter.state().strip());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("state", "整改状态须为 " + Arrays.toString(RectificationState.values()) + " 之一");
      }
    }
    List<List<Object>> rows = orders.list(caller, department, state).stream()
        .filter(o -> within(o.issuedAt(), filter))
        .map(o -> Arrays.<Object>asList(o.businessKey(), department(o.department()), o.requirement(),
            o.issuingBody(), o.citation(), ORDER_STATES.get(o.state()), time(o.issuedAt()),
            o.processInstanceId() == null ? null : tasks.dueText(o), time(o.lapsedAt()), o.escalatedTo(),
            time(o.closedAt())))
        .toList();
    return new SupervisionTable("orders", "责令改正", List.of("编号", "部门", "整改要求", "责令改正机关", "依据", "状态",
        "下达时间", "整改期限", "逾期时间", "逾期上报", "办结时间"), rows);
  }

  private static boolean within(Instant at, Filter filter) {
    LocalDate day = at.atZone(Zones.SHANGHAI).toLocalDate();
    return (filter.from() == null || !day.isBefore(filter.from())) && (filter.to() == null || !day.isAfter(filter.to()));
  }

  /** A department's name; a role group that owes a step (the platform's check …) by the profile's body name. */
  private String department(String code) {
    if (code == null) {
      return "";
    }
    return departments.find(code).map(Department::name).orElseGet(() -> switch (code) {
      case Groups.PLATFORM_OPERATORS -> policy.body(PolicyProfile.PLATFORM);
      case Groups.GENERAL_OFFICE -> policy.body(PolicyProfile.GENERAL_OFFICE);
      case Groups.LEADING_GROUP -> policy.body(PolicyProfile.LEADING_GROUP);
      default -> code;
    });
  }

  private static String time(Instant at) {
    return at == null ? null : MINUTES.format(at);
  }
}
