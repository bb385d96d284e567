package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govshare.GovShareTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 25: the request's display copies keep their history in ACT_HI_VARINST only; decisions keep their details. */
@GovShareTest
class ShareRequestHistoryTest extends ShareProcessTestSupport {

  private static final Set<String> CASE_COLUMNS = Set.of("caseNumber", "caseRequester", "caseResource");

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void displayCopiesAreKeptOnceAndDecisionsWithTheirDetails() {
    ProcessInstance pi = instance(apply("RK-002"));
    complete(task(pi), withVariables("checkPassed", true));
    complete(task(pi), withVariables("approved", true, "grantScope", "姓名"));
    BpmnAwareTests.assertThat(pi).isEnded();

    Map<String, Object> kept = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list().stream()
        .collect(Collectors.toMap(HistoricVariableInstance::getName, v -> String.valueOf(v.getValue()), (a, b) -> a));
    assertThat(kept).containsEntry("resourceCode", "RK-002").containsEntry("applicantDept", "rsj")
        .containsKeys("resourceName", "reason", "dueText", "caseNumber", "caseRequester", "caseResource");

    List<String> details = engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId())
        .variableUpdates().list().stream().map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
    assertThat(details).doesNotContainAnyElementsOf(ShareRequestCopies.NAMES)
        .doesNotContainAnyElementsOf(CASE_COLUMNS)
        .doesNotContainAnyElementsOf(ShareRequestCopies.DELEGATE_COPIES)
        .contains("checkPassed", "approved", "grantScope");
    // their values are kept: in the variables' history and in GovShare's own records
    assertThat(kept).containsEntry("outcome", "GRANTED").containsKeys("grantId", "answerSummary");
  }

  @Test
  void aChangedCopyIsWrittenToTheDetailsLikeAnyVariable() {
    ProcessInstance pi = instance(apply("RK-002"));
    engine.getRuntimeService().setVariable(pi.getId(), "reason", "管理员更正的理由");
    List<HistoricVariableUpdate> copies = engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(pi.getId()).variableUpdates().list().stream().map(d -> (HistoricVariableUpdate) d)
        .filter(d -> ShareRequestCopies.NAMES.contains(d.getVariableName())).toList();
    assertThat(copies).extracting(HistoricVariableUpdate::getVariableName).containsExactly("reason");
    assertThat(copies.get(0).getValue()).isEqualTo("管理员更正的理由");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  void theCopiesAreWhatTheStartSetsAndNoFormWritesThem() throws Exception {
    ProcessInstance pi = instance(apply("RK-002"));
    Set<String> started = new HashSet<>(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list().stream().filter(v -> v.getTaskId() == null)
        .map(HistoricVariableInstance::getName).toList());
    started.remove("grantScope");
    Set<String> copies = new HashSet<>(ShareRequestCopies.NAMES);
    copies.remove("dueText");
    assertThat(started).isEqualTo(copies);
    assertThat(formFieldKeys()).doesNotContainAnyElementsOf(ShareRequestCopies.NAMES).contains("grantScope");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

  private static Set<String> formFieldKeys() throws Exception {
    Pattern key = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");
    Set<String> keys = new HashSet<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        Matcher m = key.matcher(Files.readString(form));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }
}
