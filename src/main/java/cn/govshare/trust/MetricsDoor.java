package cn.govshare.trust;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Issue 18, class 8: system-wide metrics ({@code /engine-rest/metrics*}, the same through the web apps) are for
 * administrators and supervisors. Camunda 7.24 checks no authorization on the metrics queries.
 */
@Component
class MetricsDoor implements EngineDoor {

  private static final String METRICS_PACKAGE = "org.camunda.bpm.engine.impl.metrics.";

  @Override
  public void check(Command<?> command, CommandContext context, EngineActor actor) {
    String type = command.getClass().getName();
    boolean metrics = type.startsWith(METRICS_PACKAGE) || type.endsWith("MetricsCmd")
        || type.endsWith("TaskWorkerCountCmd");
    if (metrics && !actor.isAdmin() && !actor.isSupervisor()) {
      throw new AuthorizationException("系统运行指标只有系统管理员和监督人员可以查看（" + actor.userId() + "）");
    }
  }
}
