package cn.govshare.sharing;

import cn.govshare.CaseFile;
import cn.govshare.CaseFileSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.lang3.StringUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A share request's case file: the request as filed, both departments and every recorded step (gs_share_request).
 * Asked first (issue 25): share requests are most of the cases, and the case-list columns of every new task take the
 * first source that knows the instance, so the other sources' lookups are not run for a request's tasks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ShareRequestCaseFile implements CaseFileSource {

  static final String SUBMITTED = "SUBMITTED";

  private final SharingMapper mapper;

  ShareRequestCaseFile(SharingMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Optional<CaseFile> byProcessInstance(String processInstanceId) {
    return Optional.ofNullable(processInstanceId == null ? null : mapper.findRequestByInstance(processInstanceId))
        .map(this::of);
  }

  /** Issue 25: the task list's columns from the request's row alone; its steps are read only for the case file. */
  @Override
  public Optional<Heading> headingWhileStarting(String processInstanceId, String businessKey) {
    return Optional.ofNullable(processInstanceId == null ? null : mapper.findRequestByInstance(processInstanceId))
        .map(r -> new Heading(r.businessKey(), r.applicantDept(), resource(r)));
  }

  /** The case file of a request by its id (a dispute shows the request it grew from); empty when none. */
  public Optional<CaseFile> ofRequest(long requestId) {
    return Optional.ofNullable(mapper.findRequest(requestId)).map(this::of);
  }

  private CaseFile of(ShareRequest request) {
    List<CaseFile.Fact> facts = new ArrayList<>();
    facts.add(new CaseFile.Fact("申请编号", request.businessKey()));
    String resource = resource(request);
    facts.add(new CaseFile.Fact("申请的资源", resource));
    facts.add(new CaseFile.Fact("申请的数据项",
        StringUtils.isBlank(request.requestedFields()) ? "全部数据项" : request.requestedFields()));
    facts.add(new CaseFile.Fact("共享用途", request.purpose().label()));
    facts.add(new CaseFile.Fact("申请理由", request.reason()));
    facts.add(new CaseFile.Fact("使用系统", request.systemName()));
    List<CaseFile.Party> parties = List.of(new CaseFile.Party("申请部门", request.applicantDept(), null),
        new CaseFile.Party("提供部门", request.providerDept(), null));
    List<CaseFile.Opinion> opinions = mapper.findSteps(request.id()).stream()
        .map(s -> new CaseFile.Opinion(s.name(), s.actorName() != null ? s.actorName() : s.actorUser(), s.actorDept(),
            s.at(), SUBMITTED.equals(s.outcome()) ? "已提交" : s.outcome(), s.comment()))
        .toList();
    return new CaseFile("共享申请", request.businessKey(), resource, request.applicantDept(), facts, parties, opinions, List.of());
  }

  private static String resource(ShareRequest request) {
    return request.resourceName() + "（" + request.resourceCode() + "）";
  }
}
