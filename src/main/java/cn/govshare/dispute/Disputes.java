package cn.govshare.dispute;

import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.org.Groups;
import cn.govshare.sharing.DisputeHandOff;
import cn.govshare.sharing.ShareRequest;
import cn.govshare.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import cn.govshare.org.CallerResolver;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and reads disputes (R18, R23): a contested refusal or a NOT_SHARED request handed over by
 * sharing, or a data conflict reported by a provider. The process is dispute-escalation.
 */
@Service
public class Disputes implements DisputeHandOff {

  static final String PROCESS = "dispute-escalation";

  private final DisputeMapper mapper;
  private final CatalogService catalog;
  private final DepartmentService departments;
  private final DisputeChains chains;
  private final DisputeTransitions transitions;
  private final CallerResolver callers;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Clock clock;

  Disputes(DisputeMapper mapper, CatalogService catalog, DepartmentService departments, DisputeChains chains,
      DisputeTransitions transitions, CallerResolver callers, RuntimeService runtime, Notifications notifications,
      AuditTrail audit, Clock clock) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.departments = departments;
    this.chains = chains;
    this.transitions = transitions;
    this.callers = callers;
    this.runtime = runtime;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String startDispute(ShareRequest request, String reason) {
    DisputeKind kind = "NOT_SHARED".equals(request.shareType()) ? DisputeKind.NOT_SHARED : DisputeKind.REFUSAL_CONTESTED;
    Dispute dispute = new Dispute(null, kind, request.id(), request.resourceCode(), null, request.applicantDept(),
        request.providerDept(), StringUtils.abbreviate(StringUtils.defaultIfBlank(reason, "共享争议"), 2000),
        DisputeStatus.OPEN, null, null, null, null, null, request.applicantUser(), clock.instant(), chains.current());
    Caller applicant = callers.resolve(request.applicantUser());
    return String.valueOf(start(dispute, request.businessKey(), applicant));
  }

  /** R23: two providers' data disagree; one of them (or the platform) reports it. */
  @Transactional
  public Dispute reportDataConflict(Caller caller, String resourceCode, String otherResourceCode, String description) {
    CatalogResource first = resource(resourceCode, "resourceCode");
    CatalogResource second = resource(otherResourceCode, "otherResourceCode");
    if (first.code().equals(second.code())) {
      throw ApiException.badRequest("otherResourceCode", "R23", "须是另一个资源");
    }
    if (StringUtils.isBlank(description)) {
      throw ApiException.badRequest("description", "R23", "须说明数据不一致之处");
    }
    if (first.responsibleDepartment().equals(second.responsibleDepartment())) {
      throw ApiException.badRequest("otherResourceCode", "R23", "两个资源属同一部门，请由该部门自行核对");
    }
    if (!(caller.belongsTo(first.responsibleDepartment()) || caller.belongsTo(second.responsibleDepartment())
        || caller.isPlatformOperator())) {
      throw ApiException.forbidden("只有两资源的提供部门或平台管理单位可以提出数据冲突 (R23)");
    }
    Dispute dispute = new Dispute(null, DisputeKind.DATA_CONFLICT, null, first.code(), second.code(),
        first.responsibleDepartment(), second.responsibleDepartment(), StringUtils.abbreviate(description.strip(), 2000),
        DisputeStatus.OPEN, null, null, null, null, null, caller.userId(), clock.instant(), chains.current());
    long id = start(dispute, "DC-" + first.code() + "-" + second.code(), caller);
    audit.record(caller, "DATA_CONFLICT_REPORTED", "DISPUTE", String.valueOf(id), AuditTrail.OK, description,
        Set.of(first.responsibleDepartment(), second.responsibleDepartment()));
    return mapper.find(id);
  }

  /** The process is found by its record (gs_dispute.process_instance_id); its variables are for display only. */
  private long start(Dispute dispute, String businessKey, Caller starter) {
    long id = transitions.open(dispute, starter);
    DisputeChain chain = chains.of(mapper.find(id));
    Map<String, Object> variables = new HashMap<>();
    variables.put("disputeKind", dispute.kind().name());
    variables.put("disputeKindLabel", switch (dispute.kind()) {
      case NOT_SHARED -> "申请不予共享类资源";
      case REFUSAL_CONTESTED -> "申请部门对不予共享提出异议";
      case DATA_CONFLICT -> "提供部门之间数据不一致 (R23)";
    });
    variables.put("partyAName", departments.nameOf(dispute.partyA()));
    variables.put("partyBName", departments.nameOf(dispute.partyB()));
    variables.put("resourceCode", dispute.resourceCode());
    variables.put("resourceName", catalog.find(dispute.resourceCode()).map(CatalogResource::name).orElse(""));
    variables.put("otherResourceCode", StringUtils.defaultString(dispute.otherResourceCode(), "—"));
    variables.put("description", dispute.description());
    variables.put("chainText", chainText(chain));
    // transient (never stored, gone at the first wait state): the start listener binds the record to its process
    // before the first task is created, and the tasks then find their case by the process instance
    variables.put(DisputeProcess.BIND, Variables.longValue(id, true));
    String instance = runtime.startProcessInstanceByKey(PROCESS, businessKey, variables).getId();
    if (!instance.equals(mapper.find(id).processInstanceId())) {
      throw new IllegalStateException("dispute " + id + " was not bound to its process " + instance);
    }
    mapper.insertStep(new DisputeStep(null, id, "started", "发起争议协调", dispute.createdBy(), starter.department(),
        clock.instant(), dispute.kind().name(), dispute.description(), null, first(chain).citation()));
    for (String party : List.of(dispute.partyA(), dispute.partyB())) {
      notifications.notifyGroup(party, "DISPUTE", (chain.negotiates() ? "争议协调：请与对方部门协商 " : "争议协调：已提交"
          + first(chain).body() + "协调 ") + dispute.resourceCode(),
          dispute.description(), "DISPUTE", String.valueOf(id));
    }
    notifications.notifyGroup(Groups.GENERAL_OFFICE, "DISPUTE", "新的共享争议 " + dispute.resourceCode(),
        dispute.description(), "DISPUTE", String.valueOf(id));
    return id;
  }

  /** e.g. 部门协商 → 市政府办公厅 → 市电子政务建设和大数据发展工作领导小组 (the profile's chain, for the forms). */
  static String chainText(DisputeChain chain) {
    List<String> steps = new ArrayList<>();
    if (chain.negotiates()) {
      steps.add(chain.negotiation().body() + "协商（" + chain.negotiation().citation() + "）");
    }
    for (DisputeChain.Step step : Arrays.asList(chain.coordination(), chain.decision())) {
      if (step != null) {
        steps.add(step.body() + "（" + step.citation() + "）");
      }
    }
    return String.join(" → ", steps);
  }

  private static DisputeChain.Step first(DisputeChain chain) {
    return chain.negotiates() ? chain.negotiation() : chain.afterNegotiation();
  }

  /** Parties, the general office, the leading group and supervisors; 404 for anyone else. */
  public Dispute visible(Caller caller, long id) {
    Dispute dispute = mapper.find(id);
    if (dispute == null || !canSee(caller, dispute)) {
      throw ApiException.notFound("争议不存在: " + id);
    }
    return dispute;
  }

  public List<Dispute> list(Caller caller) {
    boolean all = caller.isSupervisor() || caller.isGeneralOffice() || caller.isLeadingGroup() || caller.isAdmin()
        || caller.isPlatformOperator();
    if (!all && caller.department() == null) {
      return List.of();
    }
    return mapper.findVisible(caller.department(), all, 500);
  }

  public List<DisputeStep> steps(long id) {
    return mapper.steps(id);
  }

  public List<Filing> filings(long id) {
    return mapper.filings(id);
  }

  static boolean canSee(Caller caller, Dispute dispute) {
    return caller.isSupervisor() || caller.isGeneralOffice() || caller.isLeadingGroup() || caller.isAdmin()
        || caller.isPlatformOperator() || caller.belongsTo(dispute.partyA()) || caller.belongsTo(dispute.partyB());
  }

  private CatalogResource resource(String code, String field) {
    if (StringUtils.isBlank(code)) {
      throw ApiException.badRequest(field, "R23", "须指明资源");
    }
    return catalog.find(code.strip()).orElseThrow(() -> ApiException.badRequest(field, "R23", "资源目录中没有 " + code));
  }
}
