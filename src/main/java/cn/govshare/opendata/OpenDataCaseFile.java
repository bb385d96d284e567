package cn.govshare.opendata;

import cn.govshare.CaseFile;
import cn.govshare.CaseFileSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The case file above {@code openDataReview}: the request as filed and the answer. The applicant's personal data is
 * not in it (the case file is readable by the platform as well); the provider and supervisors read it through the
 * audited GET /api/open-data-requests/{id}/applicant.
 */
@Component
class OpenDataCaseFile implements CaseFileSource {

  private final OpenDataMapper mapper;
  private final OpenDataTaskChecks checks;

  OpenDataCaseFile(OpenDataMapper mapper, OpenDataTaskChecks checks) {
    this.mapper = mapper;
    this.checks = checks;
  }

  @Override
  public Optional<CaseFile> byProcessInstance(String processInstanceId) {
    return processInstanceId == null ? Optional.empty() : mapper.findByProcessInstance(processInstanceId).map(this::of);
  }

  private CaseFile of(OpenDataRequest request) {
    List<CaseFile.Fact> facts = new ArrayList<>();
    facts.add(new CaseFile.Fact("申请编号", request.businessKey()));
    facts.add(new CaseFile.Fact("申请的资源", request.resourceName() + "（" + request.resourceCode() + "）"));
    facts.add(new CaseFile.Fact("申请目的", request.purpose()));
    facts.add(new CaseFile.Fact("数据用途", request.intendedUse()));
    facts.add(new CaseFile.Fact("目录所列共享方式", request.shareModes()));
    facts.add(new CaseFile.Fact("答复期限", checks.periodHint(request)));
    facts.add(new CaseFile.Fact("申请人", "公众申请人（个人信息经 GET /api/open-data-requests/" + request.id()
        + "/applicant 查阅，仅提供部门和监督人员，每次查阅留痕）"));
    List<CaseFile.Opinion> opinions = new ArrayList<>();
    opinions.add(new CaseFile.Opinion("提交申请", null, null, request.submittedAt(), "已提交", request.purpose()));
    if (request.answeredAt() != null) {
      opinions.add(new CaseFile.Opinion("答复", request.answeredBy(), request.provider(), request.answeredAt(),
          request.state().chinese(), request.state() == OpenDataState.APPROVED ? request.accessDescription()
              : request.denialReason()));
    }
    return new CaseFile("开放数据申请", request.businessKey(), request.resourceName() + "（" + request.resourceCode() + "）",
        "公众申请人", facts, List.of(new CaseFile.Party("提供部门", request.provider(), null)), opinions, List.of());
  }
}
