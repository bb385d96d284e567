package cn.govshare.correction;

import cn.govshare.CaseFile;
import cn.govshare.CaseFileSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * A correction's case file: the doubt as reported (record, description, evidence), both departments, every step,
 * and the attachments the platform stored when the case started (users cannot write these variables: the engine
 * guard lets a task write only its form's fields).
 */
@Component
class CorrectionCaseFile implements CaseFileSource {

  private final CorrectionMapper mapper;
  private final RuntimeService runtime;

  CorrectionCaseFile(CorrectionMapper mapper, RuntimeService runtime) {
    this.mapper = mapper;
    this.runtime = runtime;
  }

  @Override
  public Optional<CaseFile> byProcessInstance(String processInstanceId) {
    return processInstanceId == null ? Optional.empty()
        : mapper.findByProcessInstance(processInstanceId).map(c -> of(c, processInstanceId));
  }

  private CaseFile of(Correction correction, String processInstanceId) {
    List<CaseFile.Fact> facts = new ArrayList<>();
    facts.add(new CaseFile.Fact("疑义编号", correction.businessKey()));
    String resource = correction.resourceName() + "（" + correction.resourceCode() + "）";
    facts.add(new CaseFile.Fact("涉及的资源", resource));
    facts.add(new CaseFile.Fact("有疑义的记录", correction.recordLocator()));
    facts.add(new CaseFile.Fact("疑义说明", correction.description()));
    if (correction.evidence() != null) {
      facts.add(new CaseFile.Fact("佐证", correction.evidence()));
    }
    List<CaseFile.Party> parties = List.of(new CaseFile.Party("提出疑义的部门", correction.reporterDept(), null),
        new CaseFile.Party("提供部门", correction.providerDept(), null));
    List<CaseFile.Opinion> opinions = mapper.steps(correction.id()).stream()
        .map(s -> new CaseFile.Opinion(s.name(), s.actorUser(), s.actorDept(), s.at(), s.outcome(), s.comment()))
        .toList();
    List<CaseFile.Attachment> attachments = new ArrayList<>();
    for (int i = 1; i <= correction.attachmentCount(); i++) {
      String name = Corrections.ATTACHMENT_VARIABLE + i;
      if (runtime.getVariableTyped(processInstanceId, name, false) instanceof FileValue file) {
        attachments.add(new CaseFile.Attachment(name, file.getFilename(), file.getMimeType()));
      }
    }
    return new CaseFile("数据疑义校核", correction.businessKey(), resource, correction.reporterDept(), facts, parties, opinions, attachments);
  }
}
