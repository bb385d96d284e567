package cn.govshare.evaluation;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The yearly evaluation as a case: the year, every department evaluated in it (each reads its audit records). */
@Component
class EvaluationCases implements CaseDirectory {

  /** bpmn/yearly-evaluation.bpmn: its delegate writes the evaluation row with the instance's id. */
  static final String PROCESS = "yearly-evaluation";

  private final EvaluationMapper mapper;

  EvaluationCases(EvaluationMapper mapper) {
    this.mapper = mapper;
  }

  /** Its rows name instances of these processes only (issue 25: the task audit asks this directory for them). */
  @Override
  public Set<String> processKeys() {
    return Set.of(PROCESS);
  }

  @Override
  public Optional<CaseRef> byProcessInstance(String processInstanceId) {
    return Optional.ofNullable(mapper.findByProcessInstance(processInstanceId)).map(this::ref);
  }

  @Override
  public Map<String, CaseRef> byProcessInstances(Collection<String> processInstanceIds) {
    return CaseDirectory.byInstance(mapper.findByProcessInstances(processInstanceIds), Evaluation::processInstanceId,
        this::ref);
  }

  private CaseRef ref(Evaluation e) {
    Set<String> departments = mapper.findReports(e.year()).stream().map(SelfReport::department)
        .collect(Collectors.toSet());
    return new CaseRef("evaluation", e.year(), "EVAL-" + e.year(), departments);
  }
}
