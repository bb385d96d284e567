package cn.govshare.dispute;

import cn.govshare.CaseFile;
import cn.govshare.CaseFileSource;
import cn.govshare.sharing.ShareRequestCaseFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A dispute's case file: the share request it grew from (request, parties, the provider's answer, the contest),
 * then the negotiation positions of both parties and every coordination or decision with its reason (gs_dispute_step).
 */
@Component
class DisputeCaseFile implements CaseFileSource {

  private static final Map<DisputeKind, String> KINDS = Map.of(
      DisputeKind.REFUSAL_CONTESTED, "申请部门对不予共享的答复有异议",
      DisputeKind.NOT_SHARED, "申请不予共享类资源",
      DisputeKind.DATA_CONFLICT, "提供部门之间数据不一致");
  /** The outcomes the dispute steps record (positions, decisions) as people read them. */
  private static final Map<String, String> OUTCOMES = Map.of(
      DisputeKind.REFUSAL_CONTESTED.name(), "申请部门提出异议",
      DisputeKind.NOT_SHARED.name(), "申请不予共享类资源",
      DisputeKind.DATA_CONFLICT.name(), "报告数据不一致",
      "SHARE", "同意共享",
      "NOT_SHARE", "不予共享",
      "CONSISTENT", "确认数据一致",
      "NO_AGREEMENT", "未能协商一致",
      DisputeTaskChecks.ESCALATE, "提请上一级决定",
      "RESOLVED", "协调处理完毕");

  private final DisputeMapper mapper;
  private final ShareRequestCaseFile requests;

  DisputeCaseFile(DisputeMapper mapper, ShareRequestCaseFile requests) {
    this.mapper = mapper;
    this.requests = requests;
  }

  @Override
  public Optional<CaseFile> byProcessInstance(String processInstanceId) {
    Dispute dispute = processInstanceId == null ? null : mapper.findByProcessInstance(processInstanceId);
    if (dispute == null) {
      return Optional.empty();
    }
    Optional<CaseFile> request = dispute.requestId() == null ? Optional.empty() : requests.ofRequest(dispute.requestId());
    List<CaseFile.Fact> facts = new ArrayList<>(request.map(CaseFile::facts).orElse(List.of()));
    facts.add(new CaseFile.Fact("争议类型", KINDS.get(dispute.kind())));
    String resource = request.map(CaseFile::resource).orElse(dispute.otherResourceCode() == null
        ? dispute.resourceCode() : dispute.resourceCode() + "、" + dispute.otherResourceCode());
    if (request.isEmpty()) {
      facts.add(new CaseFile.Fact("涉及的资源", resource));
    }
    facts.add(new CaseFile.Fact("争议事由", dispute.description()));
    List<CaseFile.Party> parties = request.map(CaseFile::parties).orElse(List.of(
        new CaseFile.Party("争议一方", dispute.partyA(), null), new CaseFile.Party("争议另一方", dispute.partyB(), null)));
    List<CaseFile.Opinion> opinions = new ArrayList<>(request.map(CaseFile::opinions).orElse(List.of()));
    for (DisputeStep step : mapper.steps(dispute.id())) {
      String actor = step.actorUser() != null ? step.actorUser() : step.body();
      opinions.add(new CaseFile.Opinion(step.name(), actor, step.actorDept(), step.at(),
          step.outcome() == null ? null : OUTCOMES.getOrDefault(step.outcome(), step.outcome()), step.comment()));
    }
    opinions.sort(Comparator.comparing(CaseFile.Opinion::at));
    String key = request.map(CaseFile::businessKey).orElse("争议" + dispute.id());
    String requester = request.map(CaseFile::requester).orElse(dispute.partyA());
    return Optional.of(new CaseFile("争议协调", key, resource, requester, facts, parties, opinions, List.of()));
  }
}
