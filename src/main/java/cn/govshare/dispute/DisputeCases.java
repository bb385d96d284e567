package cn.govshare.dispute;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Disputes found by their process instance from {@code gs_dispute} (issue 18: never from a variable). */
@Component
class DisputeCases implements CaseDirectory {

  static final String TYPE = "dispute";

  private final DisputeMapper mapper;

  DisputeCases(DisputeMapper mapper) {
    this.mapper = mapper;
  }

  /** Its rows name instances of these processes only (issue 25: the task audit asks this directory for them). */
  @Override
  public Set<String> processKeys() {
    return Set.of(Disputes.PROCESS);
  }

  @Override
  public Optional<CaseRef> byProcessInstance(String processInstanceId) {
    return Optional.ofNullable(processInstanceId == null ? null : mapper.findByProcessInstance(processInstanceId))
        .map(DisputeCases::ref);
  }

  @Override
  public Map<String, CaseRef> byProcessInstances(Collection<String> processInstanceIds) {
    return CaseDirectory.byInstance(mapper.findByProcessInstances(processInstanceIds), Dispute::processInstanceId,
        DisputeCases::ref);
  }

  private static CaseRef ref(Dispute d) {
    return new CaseRef(TYPE, d.id(), null, Set.of(d.partyA(), d.partyB()));
  }

  /** The dispute a process instance runs; a process without one is a broken deployment, not user input. */
  Dispute require(String processInstanceId) {
    Dispute dispute = processInstanceId == null ? null : mapper.findByProcessInstance(processInstanceId);
    if (dispute == null) {
      throw new IllegalStateException("no dispute runs in process instance " + processInstanceId);
    }
    return dispute;
  }
}
