package cn.govshare.dispute;

import cn.govshare.org.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What dispute-escalation's BPMN asks, answered from the dispute record and its chain, never from a variable a
 * user can write (issue 18): who negotiates, which group acts at each body's step, and where the flow goes.
 * Used as {@code ${disputeFlow.…}}.
 */
@Component("disputeFlow")
public class DisputeFlow {

  private final DisputeCases cases;
  private final DisputeChains chains;
  private final DisputeMapper mapper;

  DisputeFlow(DisputeCases cases, DisputeChains chains, DisputeMapper mapper) {
    this.cases = cases;
    this.chains = chains;
    this.mapper = mapper;
  }

  /**
   * The negotiators, one negotiation task each: applicant and provider (or both providers), plus the platform
   * unit where the text has it take part (hubei 25, 17 ¶3).
   */
  public List<String> negotiators(DelegateExecution execution) {
    Dispute dispute = cases.require(execution.getProcessInstanceId());
    return negotiators(dispute, chains.of(dispute));
  }

  static List<String> negotiators(Dispute dispute, DisputeChain chain) {
    List<String> parties = new ArrayList<>(List.of(dispute.partyA(), dispute.partyB()));
    if (chain.negotiation().platformJoins()) {
      parties.add(Groups.PLATFORM_OPERATORS);
    }
    return parties;
  }

  /** Whether the profile's text has the parties negotiate first (not for a contested refusal under shaoyang 21 ¶2). */
  public boolean negotiates(DelegateExecution execution) {
    return chains.of(cases.require(execution.getProcessInstanceId())).negotiates();
  }

  /** The candidate group of one negotiation task: the negotiator at this instance's place in the list. */
  public String negotiator(DelegateExecution execution) {
    return negotiators(execution).get(loopCounter(execution));
  }

  /** Negotiation ends early once one party says there is no agreement, or two positions differ. */
  public boolean settled(DelegateExecution execution) {
    Dispute dispute = cases.require(execution.getProcessInstanceId());
    List<Position.Stance> stated = mapper.positions(dispute.id()).stream().map(Position::position)
        .filter(p -> p != null).toList();
    return stated.contains(Position.Stance.NO_AGREEMENT) || stated.stream().distinct().count() > 1;
  }

  /** The dispute's status, for the gateways: COORDINATING, DECIDING, or a closed status. */
  public String status(DelegateExecution execution) {
    return cases.require(execution.getProcessInstanceId()).status().name();
  }

  /** The group that acts for the coordinating or deciding body, from the profile's chain. */
  public String group(DelegateExecution execution, String stage) {
    Dispute dispute = cases.require(execution.getProcessInstanceId());
    DisputeChain chain = chains.of(dispute);
    DisputeChain.Step step = DisputeChain.COORDINATION.equals(stage) ? chain.coordination() : chain.decision();
    if (step == null) {
      throw new IllegalStateException("profile " + chain.profile() + " has no " + stage + " step");
    }
    return step.group();
  }

  static int loopCounter(DelegateExecution execution) {
    return ((Number) execution.getVariable("loopCounter")).intValue();
  }
}
