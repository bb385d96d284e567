package cn.govshare.catalog;

import cn.govshare.CaseFile;
import cn.govshare.CaseFileSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A catalogue task's case file (issue 20): the entry under review (R7) with the requesting department, the change
 * asked for and its effective date, or the update obligation (R6) with the legal change behind it. Read from the
 * change and obligation rows; the task's deadline comes with every case file.
 */
@Component
class CatalogCaseFile implements CaseFileSource {

  private final CatalogMapper mapper;
  private final CatalogCases cases;

  CatalogCaseFile(CatalogMapper mapper, CatalogCases cases) {
    this.mapper = mapper;
    this.cases = cases;
  }

  @Override
  public Optional<CaseFile> byProcessInstance(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    UpdateObligation obligation = mapper.findObligationByProcess(processInstanceId);
    if (obligation != null) {
      return Optional.of(of(obligation));
    }
    return Optional.ofNullable(mapper.findChangeByProcess(processInstanceId)).map(this::of);
  }

  /** The first task is created while the instance starts, before its id is written to the row: the key names it. */
  @Override
  public Optional<CaseFile> whileStarting(String processInstanceId, String businessKey) {
    Optional<CaseFile> found = byProcessInstance(processInstanceId);
    if (found.isPresent() || businessKey == null || !businessKey.matches("[^#]{1,64}#\\d{1,18}")) {
      return found;
    }
    long id = Long.parseLong(businessKey.substring(businessKey.indexOf('#') + 1));
    if (businessKey.startsWith(CatalogCases.BUSINESS_KEY_PREFIX)) {
      UpdateObligation obligation = mapper.findObligation(id);
      return obligation == null || obligation.processInstanceId() != null ? Optional.empty()
          : Optional.of(of(obligation));
    }
    CatalogChange change = mapper.findChange(id);
    return change == null || change.processInstanceId() != null
        || !businessKey.equals(change.resourceCode() + "#" + id) ? Optional.empty() : Optional.of(of(change));
  }

  private CaseFile of(CatalogChange change) {
    CatalogResource resource = cases.underReview(change.resourceCode());
    String department = resource == null ? null : resource.responsibleDepartment();
    String shown = shown(resource, change.resourceCode());
    List<CaseFile.Fact> facts = new ArrayList<>();
    facts.add(new CaseFile.Fact("目录资源", shown));
    facts.add(new CaseFile.Fact("申请事项", change.kind().label()));
    facts.add(new CaseFile.Fact("提交时间", String.valueOf(change.requestedAt())));
    facts.add(new CaseFile.Fact("生效日期", change.effectiveAt() == null ? "审核通过即生效"
        : String.valueOf(change.effectiveAt())));
    if (change.notifiedHolders() != null && !change.notifiedHolders().isBlank()) {
      facts.add(new CaseFile.Fact("已通知的共享使用部门", change.notifiedHolders()));
    }
    List<CaseFile.Opinion> opinions = change.reviewedAt() == null ? List.of()
        : List.of(new CaseFile.Opinion("目录审核", change.reviewedBy(), null, change.reviewedAt(),
            change.state().name(), change.reviewComment()));
    return new CaseFile("目录" + change.kind().label() + "审核", change.resourceCode() + "#" + change.id(), shown,
        department, facts, department == null ? List.of() : List.of(new CaseFile.Party("提供部门", department, null)),
        opinions, List.of());
  }

  private CaseFile of(UpdateObligation obligation) {
    CatalogResource resource = obligation.resourceCode() == null ? null : cases.underReview(obligation.resourceCode());
    String shown = obligation.resourceCode() == null ? "（本部门目录）" : shown(resource, obligation.resourceCode());
    List<CaseFile.Fact> facts = List.of(new CaseFile.Fact("目录资源", shown),
        new CaseFile.Fact("法律法规或职能变化", obligation.legalChange()),
        new CaseFile.Fact("登记时间", String.valueOf(obligation.createdAt())));
    return new CaseFile("目录更新", CatalogCases.BUSINESS_KEY_PREFIX + obligation.id(), shown,
        obligation.department(), facts, List.of(new CaseFile.Party("责任部门", obligation.department(), null)),
        List.of(), List.of());
  }

  private static String shown(CatalogResource resource, String code) {
    return resource == null ? code : resource.name() + "（" + code + "）";
  }
}
