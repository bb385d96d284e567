package cn.govshare.trust;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts every {@link EngineDoor} in front of the engine, inside the command's transaction, for every command a
 * user sends: whatever BPMN is deployed, whichever REST door or web app sends it. Commands the engine or
 * GovShare's services run (no authenticated user) and commands nested inside one already checked pass.
 */
@Component
class EngineDoorsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<EngineDoor> doors;

  EngineDoorsPlugin(ObjectProvider<EngineDoor> doors) {
    this.doors = doors;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Guard(doors));
  }

  static final class Guard extends CommandInterceptor {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private final ObjectProvider<EngineDoor> doors;
    private List<EngineDoor> resolved;

    Guard(ObjectProvider<EngineDoor> doors) {
      this.doors = doors;
    }

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      if (depth[0]++ == 0) {
        try {
          check(command);
        } catch (RuntimeException e) {
          depth[0]--;
          throw e;
        }
      }
      try {
        return next.execute(command);
      } finally {
        depth[0]--;
      }
    }

    private void check(Command<?> command) {
      CommandContext context = Context.getCommandContext();
      EngineActor actor = context == null ? null : EngineActor.of(context).orElse(null);
      if (actor == null) {
        return;
      }
      if (resolved == null) {
        resolved = doors.orderedStream().toList();
      }
      for (EngineDoor door : resolved) {
        door.check(command, context, actor);
      }
    }
  }
}
