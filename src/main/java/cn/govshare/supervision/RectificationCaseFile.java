package cn.govshare.supervision;

import cn.govshare.CaseFile;
import cn.govshare.CaseFileSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A rectification order's case file (R29): the violation and what the order requires, the department ordered, the
 * issuance, the latest answer and send-back reason (the row keeps the latest of each; every one is in the audit
 * trail), and the files the head uploaded with the answer ({@link RectificationAttachments}).
 */
@Component
class RectificationCaseFile implements CaseFileSource {

  private final RectificationMapper mapper;
  private final ViolationMapper violations;
  private final RectificationTaskChecks checks;
  private final RectificationAttachments attachments;

  RectificationCaseFile(RectificationMapper mapper, ViolationMapper violations, RectificationTaskChecks checks,
      RectificationAttachments attachments) {
    this.mapper = mapper;
    this.violations = violations;
    this.checks = checks;
    this.attachments = attachments;
  }

  @Override
  public Optional<CaseFile> byProcessInstance(String processInstanceId) {
    return processInstanceId == null ? Optional.empty()
        : mapper.findByProcessInstance(processInstanceId).map(o -> of(o, processInstanceId));
  }

  private CaseFile of(RectificationOrder order, String processInstanceId) {
    Violation violation = violations.find(order.violationId());
    List<CaseFile.Fact> facts = new ArrayList<>();
    facts.add(new CaseFile.Fact("整改编号", order.businessKey()));
    facts.add(new CaseFile.Fact("违规情形", violation.kind().chinese() + "：" + violation.summary()));
    facts.add(new CaseFile.Fact("违规依据", violation.citation() + "（" + violation.item() + "）"));
    facts.add(new CaseFile.Fact("整改要求", order.requirement()));
    facts.add(new CaseFile.Fact("责令改正机关", order.issuingBody() + "（" + order.citation() + "）"));
    facts.add(new CaseFile.Fact("整改期限", checks.periodHint(order)));
    List<CaseFile.Opinion> opinions = new ArrayList<>();
    opinions.add(new CaseFile.Opinion("责令改正", order.issuerUser(), null, order.issuedAt(), "下达",
        order.requirement()));
    if (order.answeredAt() != null) {
      opinions.add(new CaseFile.Opinion("报送整改情况", order.answeredBy(), order.department(), order.answeredAt(),
          "已报送", order.answer()));
    }
    if (order.reviewComment() != null) {
      opinions.add(new CaseFile.Opinion("审核整改情况", null, null, order.closedAt(),
          order.closedAt() == null ? "退回重新整改" : "通过", order.reviewComment()));
    }
    return new CaseFile("责令改正", order.businessKey(), violation.kind().chinese(), order.issuerGroup(), facts,
        List.of(new CaseFile.Party("被责令改正的部门", order.department(), null)), opinions,
        attachments.of(processInstanceId));
  }
}
