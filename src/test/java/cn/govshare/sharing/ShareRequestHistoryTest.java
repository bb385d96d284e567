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
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: the request's display copies, Tasklist's columns and the delegates' copies leave no history of their own
 * (GovShare's rows keep their values); decisions keep theirs, and a changed copy is written like any variable. A
 * deadline's timers leave only their runs in the job log (the deadline's row records the rest).
 */
@GovShareTest
class ShareRequestHistoryTest extends ShareProcessTestSupport {

  private static final Set<String> CASE_COLUMNS = Set.of("caseNumber", "caseRequester", "caseResource");

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void copiesLeaveNoHistoryOfTheirOwnAndDecisionsKeepTheirs() {
    ShareRequest request = apply("RK-002");
    ProcessInstance pi = instance(request);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "resourceCode")).as("the form still shows it")
        .isEqualTo("RK-002");
    complete(task(pi), withVariables("checkPassed", true));
    complete(task(pi), withVariables("approved", true, "grantScope", "姓名"));
    BpmnAwareTests.assertThat(pi).isEnded();

    Map<String, Object> kept = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list().stream()
        .collect(Collectors.toMap(HistoricVariableInstance::getName, v -> String.valueOf(v.getValue()), (a, b) -> a));
    assertThat(kept).containsEntry("checkPassed", "true").containsEntry("approved", "true")
        .containsEntry("grantScope", "姓名")
        .doesNotContainKeys(ShareRequestCopies.NAMES.toArray(String[]::new))
        .doesNotContainKeys(CASE_COLUMNS.toArray(String[]::new))
        .doesNotContainKeys(ShareRequestCopies.DELEGATE_COPIES.toArray(String[]::new));

    List<String> details = engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId())
        .variableUpdates().list().stream().map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
    assertThat(details).doesNotContainAnyElementsOf(ShareRequestCopies.NAMES)
        .doesNotContainAnyElementsOf(CASE_COLUMNS)
        .doesNotContainAnyElementsOf(ShareRequestCopies.DELEGATE_COPIES)
        .contains("checkPassed", "approved", "grantScope");

    // what the copies showed is kept in GovShare's own records
    ShareRequest decided = requests.require(request.id());
    assertThat(decided.resourceCode()).isEqualTo("RK-002");
    assertThat(decided.applicantDept()).isEqualTo("rsj");
    assertThat(decided.reason()).isEqualTo("核对户籍变动");
    assertThat(decided.status()).isEqualTo(RequestStatus.GRANTED);
    assertThat(decided.grantId()).isNotNull();
    assertThat(requests.steps(request.id())).isNotEmpty();
  }

  @Test
  void aChangedCopyIsWrittenToTheHistoryLikeAnyVariable() {
    ProcessInstance pi = instance(apply("RK-002"));
    engine.getRuntimeService().setVariable(pi.getId(), "reason", "管理员更正的理由");
    List<HistoricVariableUpdate> copies = engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(pi.getId()).variableUpdates().list().stream().map(d -> (HistoricVariableUpdate) d)
        .filter(d -> ShareRequestCopies.NAMES.contains(d.getVariableName())).toList();
    assertThat(copies).extracting(HistoricVariableUpdate::getVariableName).containsExactly("reason");
    assertThat(copies.get(0).getValue()).isEqualTo("管理员更正的理由");
    List<HistoricVariableInstance> instances = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("reason").list();
    assertThat(instances).extracting(HistoricVariableInstance::getValue).containsExactly("管理员更正的理由");

    // a removal leaves no variable history (there was none), but the operation log names who removed it
    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    engine.getRuntimeService().removeVariable(pi.getId(), "systemName");
    engine.getIdentityService().clearAuthentication();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "systemName")).isNull();
    assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(pi.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE).userId("admin").count()).isEqualTo(1);
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("reason").singleResult().getValue()).isEqualTo("管理员更正的理由");
  }

  @Test
  void aDeadlinesTimersLeaveOnlyTheirRunsInTheJobLog() {
    ProcessInstance pi = instance(apply("RK-002"));
    List<String> checkTimers = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list()
        .stream().map(Job::getId).toList();
    assertThat(checkTimers).as("the check's reminder and breach timers").hasSize(2);
    complete(task(pi), withVariables("checkPassed", true));

    // met in time: the timers are gone and left no job log; the deadline's row says how it ended
    assertThat(engine.getManagementService().createJobQuery().jobIds(Set.copyOf(checkTimers)).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pi.getId()).count())
        .isZero();
    assertThat(deadline(pi, "normativeCheck").state()).isEqualTo("MET");

    // a timer that runs (the provider's reminder, run here by hand: with the clock moved, another deadline's breach
    // batch could raise this one and delete its timers first) leaves its run in the job log, with the node
    JobEntity reminder = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list().stream()
        .map(JobEntity.class::cast).filter(job -> "govshare-deadline-reminder".equals(job.getJobHandlerType()))
        .findFirst().orElseThrow();
    engine.getManagementService().executeJob(reminder.getId());
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pi.getId()).list())
        .singleElement().satisfies(log -> {
          assertThat(log.getJobId()).isEqualTo(reminder.getId());
          assertThat(log.isSuccessLog()).isTrue();
          assertThat(log.getJobDefinitionType()).isEqualTo("govshare-deadline-reminder");
          assertThat(log.getHostname()).isNotBlank();
        });
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  void theCopiesAreWhatTheStartSetsAndNoFormWritesThem() throws Exception {
    ProcessInstance pi = instance(apply("RK-002"));
    Set<String> started = new HashSet<>(engine.getRuntimeService().getVariablesLocal(pi.getId()).keySet());
    started.remove("grantScope");
    assertThat(started).isEqualTo(ShareRequestCopies.NAMES);
    assertThat(formFieldKeys()).doesNotContainAnyElementsOf(ShareRequestCopies.NAMES)
        .doesNotContainAnyElementsOf(ShareRequestForms.NAMES).contains("grantScope");
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
