package cn.govshare.correction;

import cn.govshare.audit.AuditTrail;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.catalog.OpenCorrection;
import cn.govshare.catalog.OpenCorrections;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data corrections (疑义校核, R22): a using department reports doubtful data, the provider verifies within
 * the profile's limit, extensions need the head's approval, the user is told at every step. While open,
 * business goes on: no grant is touched.
 */
@Service
public class Corrections implements OpenCorrections {

  static final String PROCESS = "data-correction";
  static final int MAX_ATTACHMENTS = 5;
  static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

  private final CorrectionMapper mapper;
  private final CatalogService catalog;
  private final DepartmentService departments;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Clock clock;

  Corrections(CorrectionMapper mapper, CatalogService catalog, DepartmentService departments, RuntimeService runtime,
      Notifications notifications, AuditTrail audit, Clock clock) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.departments = departments;
    this.runtime = runtime;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Correction report(Caller caller, NewCorrection body) {
    if (caller.department() == null) {
      throw ApiException.forbidden("只有使用数据的部门可以提出疑义 (R22)");
    }
    if (StringUtils.isBlank(body.resourceCode())) {
      throw ApiException.badRequest("resourceCode", "R22", "须指明资源");
    }
    CatalogResource resource = catalog.findPublished(body.resourceCode().strip())
        .orElseThrow(() -> ApiException.badRequest("resourceCode", "R22", "资源目录中没有已发布的 " + body.resourceCode()));
    if (caller.belongsTo(resource.responsibleDepartment())) {
      throw ApiException.badRequest("resourceCode", "R22", "提供部门请直接更正本部门数据，无需提出疑义");
    }
    String locator = required(body.recordLocator(), "recordLocator", 500, "须写明有疑义的记录（如证件号码、记录编号）");
    String description = required(body.description(), "description", 2000, "须说明疑义或错误");
    String evidence = StringUtils.abbreviate(StringUtils.stripToNull(body.evidence()), 4000);
    List<NewCorrection.Attachment> attachments = body.attachments() == null ? List.of() : body.attachments();
    if (attachments.size() > MAX_ATTACHMENTS) {
      throw ApiException.badRequest("attachments", "最多 " + MAX_ATTACHMENTS + " 个附件");
    }
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < attachments.size(); i++) {
      NewCorrection.Attachment attachment = attachments.get(i);
      String field = "attachments[" + i + "]";
      if (attachment == null || StringUtils.isBlank(attachment.fileName()) || attachment.fileName().length() > 200) {
        throw ApiException.badRequest(field + ".fileName", "附件须有文件名（200字以内）");
      }
      try {
        byte[] content = Base64.getDecoder().decode(StringUtils.defaultString(attachment.base64()));
        if (content.length == 0 || content.length > MAX_ATTACHMENT_BYTES) {
          throw ApiException.badRequest(field + ".base64", "附件须为 1 字节至 2 MB");
        }
        contents.add(content);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(field + ".base64", "附件内容须为 Base64 编码");
      }
    }
    Instant now = clock.instant();
    Correction correction = new Correction(null, resource.code(), resource.name(), resource.responsibleDepartment(),
        caller.department(), caller.userId(), locator, description, evidence, attachments.size(), CorrectionStatus.OPEN,
        null, 0, null, now, null);
    GeneratedKey key = new GeneratedKey();
    mapper.insert(correction, key);
    long id = key.getId();
    Map<String, Object> variables = new HashMap<>();
    variables.put("correctionId", id);
    variables.put("resourceCode", resource.code());
    variables.put("resourceName", resource.name());
    variables.put("providerDept", resource.responsibleDepartment());
    variables.put("providerHead", cn.govshare.org.Groups.head(resource.responsibleDepartment()));
    variables.put("reporterDept", caller.department());
    variables.put("reporterName", departments.find(caller.department()).map(d -> d.name()).orElse(caller.department()));
    variables.put("recordLocator", locator);
    variables.put("description", description);
    variables.put("evidence", StringUtils.defaultString(evidence, "（无）"));
    // R22: the limit counts from receipt, also after an extension returns the task (docs/deadlines.md)
    variables.put("verifyDataReceivedAt", Date.from(now));
    variables.put("verifyDataExtensionDays", 0);
    for (int i = 0; i < contents.size(); i++) {
      NewCorrection.Attachment attachment = attachments.get(i);
      variables.put("attachment" + (i + 1), Variables.fileValue(attachment.fileName().strip()).file(contents.get(i))
          .mimeType(StringUtils.defaultIfBlank(attachment.contentType(), "application/octet-stream")).create());
    }
    String instance = runtime.startProcessInstanceByKey(PROCESS, "DC-" + id, variables).getId();
    mapper.updateProcessInstance(id, instance);
    step(id, "reported", "提出疑义", caller.userId(), caller.department(), "OPEN", description);
    audit.record(caller, "CORRECTION_REPORTED", "CORRECTION", String.valueOf(id), AuditTrail.OK,
        resource.code() + " " + locator, Set.of(resource.responsibleDepartment()));
    notifications.notifyGroup(resource.responsibleDepartment(), "CORRECTION", "数据疑义待校核: " + resource.name(),
        locator + "：" + description, "CORRECTION", String.valueOf(id));
    return mapper.find(id);
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
    return mapper.findOpen(resourceCode).stream()
        .map(c -> new OpenCorrection(String.valueOf(c.id()), c.description(), c.reporterDept(), c.reportedAt()))
        .toList();
  }

  void step(long id, String step, String name, String actorUser, String actorDept, String outcome, String comment) {
    mapper.insertStep(new CorrectionStep(null, id, step, name, actorUser, actorDept, clock.instant(), outcome,
        StringUtils.abbreviate(comment, 2000)));
  }

  CorrectionMapper mapper() {
    return mapper;
  }

  private static String required(String value, String field, int max, String message) {
    if (StringUtils.isBlank(value)) {
      throw ApiException.badRequest(field, "R22", message);
    }
    if (value.strip().length() > max) {
      throw ApiException.badRequest(field, field + " 不能超过 " + max + " 个字符");
    }
    return value.strip();
  }
}
