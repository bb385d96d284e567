package cn.govshare.correction;

import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.OpenCorrection;
import cn.govshare.catalog.OpenCorrections;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import cn.govshare.Attachments;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data corrections (疑义校核, R22): a using department reports doubtful data, the provider verifies within
 * the profile's limit, extensions need the head's approval, the user is told at every step. While open,
 * business goes on: no grant is touched. Status changes go through {@link CorrectionTransitions}.
 */
@Service
public class Corrections implements OpenCorrections {

  static final String PROCESS = "data-correction";
  static final String ATTACHMENT_VARIABLE = "attachment";
  static final String REF_TYPE = "CORRECTION";
  /** Columns of gs_correction (V7). */
  static final int LOCATOR_COLUMN = 500;
  static final int DESCRIPTION_COLUMN = 2000;
  static final int EVIDENCE_COLUMN = 4000;
  /** gs_notification.subject and body (V1). */
  static final int SUBJECT_COLUMN = 255;
  static final int BODY_COLUMN = 2000;

  private final CorrectionMapper mapper;
  private final CorrectionCases cases;
  private final CorrectionTransitions transitions;
  private final CatalogService catalog;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final Clock clock;

  Corrections(CorrectionMapper mapper, CorrectionCases cases, CorrectionTransitions transitions,
      CatalogService catalog, RuntimeService runtime, Notifications notifications, Clock clock) {
    this.mapper = mapper;
    this.cases = cases;
    this.transitions = transitions;
    this.catalog = catalog;
    this.runtime = runtime;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** R22: the user department reports through the platform; the record is written first, then its process. */
  @Transactional
  public Correction report(Caller caller, NewCorrection body) {
    if (caller.department() == null) {
      throw ApiException.forbidden("只有使用数据的部门可以提出疑义 (R22)");
    }
    if (StringUtils.isBlank(body.resourceCode())) {
      throw ApiException.badRequest("resourceCode", "R22", "须指明资源");
    }
    CatalogResource resource = catalog.findPublished(body.resourceCode().strip())
        .orElseThrow(() -> ApiException.badRequest("resourceCode", "R22", "资源目录中没有已发布的 "
            + StringUtils.abbreviate(body.resourceCode(), 64)));
    if (caller.belongsTo(resource.responsibleDepartment())) {
      throw ApiException.badRequest("resourceCode", "R22", "提供部门请直接更正本部门数据，无需提出疑义");
    }
    String locator = required(body.recordLocator(), "recordLocator", LOCATOR_COLUMN, "须写明有疑义的记录（如证件号码、记录编号）");
    String description = required(body.description(), "description", DESCRIPTION_COLUMN, "须说明疑义或错误");
    String evidence = within(StringUtils.stripToNull(body.evidence()), "evidence", EVIDENCE_COLUMN);
    Map<String, Object> variables = attachments(body.attachments());
    Correction draft = new Correction(null, resource.code(), resource.name(), resource.responsibleDepartment(),
        caller.department(), caller.userId(), locator, description, evidence, variables.size(),
        CorrectionStatus.OPEN, null, 0, null, null, null, clock.instant(), null);
    Correction created = transitions.report(draft, caller);
    // the start binds the instance to the case (CorrectionCases.bind); the attachments are the only variables
    runtime.startProcessInstanceByKey(PROCESS, created.businessKey(), variables);
    notifications.notifyGroup(resource.responsibleDepartment(), REF_TYPE, subject("数据疑义待校核: ", created),
        body(locator + "：" + description, created), REF_TYPE, String.valueOf(created.id()));
    return mapper.find(created.id());
  }

  public Correction visible(Caller caller, long id) {
    Correction correction = mapper.find(id);
    if (correction == null || !(caller.readsEverything() || caller.belongsTo(correction.reporterDept())
        || caller.belongsTo(correction.providerDept()))) {
      throw ApiException.notFound("疑义校核不存在: " + id);
    }
    return correction;
  }

  public List<Correction> list(Caller caller, boolean mine) {
    if (mine || !caller.readsEverything()) {
      return caller.department() == null ? List.of() : mapper.findOf(caller.department(), 500);
    }
    return mapper.findOf(null, 500);
  }

  public List<CorrectionStep> steps(long id) {
    return mapper.steps(id);
  }

  @Override
  public List<OpenCorrection> forResource(String resourceCode) {
    return mapper.findIn(resourceCode, CorrectionStatus.UNRESOLVED).stream()
        .map(c -> new OpenCorrection(String.valueOf(c.id()), c.description(), c.reporterDept(), c.reportedAt()))
        .toList();
  }

  /** Service task applyExtension: the head agreed, the period grows, the user is told (R22 告知使用部门). */
  void applyExtension(DelegateExecution execution) {
    Correction current = cases.of(execution.getProcessInstanceId());
    int days = current.requestedExtensionDays();
    String reason = current.extensionReason();
    Correction extended = transitions.fire(current, CorrectionEvent.EXTEND, "延期" + days + "个工作日",
        "累计" + (current.extensionDays() + days) + "个工作日", Correction::withRequestApplied);
    notifications.notifyGroup(extended.reporterDept(), "CORRECTION_EXTENDED",
        subject("校核期限延长" + days + "个工作日: ", extended),
        body("提供部门负责人已同意延期，累计延期" + extended.extensionDays() + "个工作日。理由：" + reason, extended),
        REF_TYPE, String.valueOf(extended.id()));
  }

  /** Service task keepOriginalDue: the head refused, verification goes on within the period as it was. */
  void keepOriginalDue(DelegateExecution execution) {
    Correction current = cases.of(execution.getProcessInstanceId());
    transitions.fire(current, CorrectionEvent.RESUME, "原期限", null, Correction::withoutRequest);
  }

  /** Service task recordResult: R22, the provider tells the user the result. */
  void tellResult(DelegateExecution execution) {
    Correction correction = cases.of(execution.getProcessInstanceId());
    boolean corrected = correction.status() == CorrectionStatus.CORRECTED;
    notifications.notifyGroup(correction.reporterDept(), "CORRECTION_RESULT",
        subject(corrected ? "数据已更正: " : "经核实数据无误: ", correction),
        body(correction.recordLocator() + "：" + correction.resultNote(), correction), REF_TYPE,
        String.valueOf(correction.id()));
    mapper.insertStep(new CorrectionStep(null, correction.id(), "resultNotified", "告知使用部门校核结果",
        CorrectionTransitions.SYSTEM.userId(), null, clock.instant(), correction.status().name(), null));
  }

  /**
   * Built-in end listener: a process that ends with its case unresolved (deleted, cancelled) closes the case
   * as CANCELLED and tells the user, so no correction stays open without a process.
   */
  void processEnded(DelegateExecution execution) {
    mapper.findByProcessInstance(execution.getProcessInstanceId()).filter(c -> c.status().unresolved())
        .ifPresent(current -> {
          String reason = execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
          String comment = reason == null || reason.length() > DESCRIPTION_COLUMN ? "流程已终止" : "流程已终止：" + reason;
          Correction cancelled = transitions.fire(current, CorrectionEvent.CANCEL, CorrectionStatus.CANCELLED.name(),
              comment, c -> c.withResult(null, clock.instant()));
          notifications.notifyGroup(cancelled.reporterDept(), "CORRECTION_CANCELLED",
              subject("疑义校核已终止: ", cancelled), body(comment + "。疑义未办结，如仍有疑义请重新提出。", cancelled),
              REF_TYPE, String.valueOf(cancelled.id()));
        });
  }

  /** The reporter's files as the engine's file variables attachment1..N (see {@link Attachments}). */
  private static Map<String, Object> attachments(List<NewCorrection.Attachment> attachments) {
    List<NewCorrection.Attachment> given = attachments == null ? List.of() : attachments;
    Attachments.checkCount(given.size(), "attachments");
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < given.size(); i++) {
      NewCorrection.Attachment attachment = given.get(i);
      String field = "attachments[" + i + "]";
      if (attachment == null) {
        throw ApiException.badRequest(field, "附件不能为空");
      }
      variables.put(ATTACHMENT_VARIABLE + (i + 1), Attachments.file(attachment.fileName(), attachment.contentType(),
          attachment.base64(), field + "."));
    }
    return variables;
  }

  private static String required(String value, String field, int max, String message) {
    if (StringUtils.isBlank(value)) {
      throw ApiException.badRequest(field, "R22", message);
    }
    return within(value.strip(), field, max);
  }

  /** Longer than its column: refused with the field named, never cut (issue 18 class 7). */
  private static String within(String value, String field, int max) {
    if (value != null && value.length() > max) {
      throw ApiException.badRequest(field, field + " 不能超过 " + max + " 个字符（现为 " + value.length() + " 个）");
    }
    return value;
  }

  /** A notification subject within its column: the resource's name, or its code when the name is too long. */
  private static String subject(String prefix, Correction correction) {
    String text = prefix + correction.resourceName();
    return text.length() <= SUBJECT_COLUMN ? text : prefix + correction.resourceCode();
  }

  /** A notification body within its column; a longer text stays whole in the case, the message points to it. */
  private static String body(String text, Correction correction) {
    return text.length() <= BODY_COLUMN ? text
        : "全文过长，请在疑义校核 " + correction.businessKey() + "（GET /api/corrections/" + correction.id() + "）中查看。";
  }
}
