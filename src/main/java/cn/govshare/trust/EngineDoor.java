package cn.govshare.trust;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * One door of the engine a user can reach through {@code /engine-rest} or the web apps: looks at each command a
 * user sends (never the engine's own nested ones) before it runs, and refuses it by throwing (issue 18).
 */
public interface EngineDoor {

  void check(Command<?> command, CommandContext context, EngineActor actor);
}
