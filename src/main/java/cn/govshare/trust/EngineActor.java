package cn.govshare.trust;

import cn.govshare.org.Groups;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The user on whose behalf an engine command runs ({@code /engine-rest}, the web apps), as the engine's
 * authentication says; none for the engine's own work (job executor, GovShare's services).
 */
public record EngineActor(String userId, List<String> groups) {

  public EngineActor {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  public static Optional<EngineActor> of(CommandContext context) {
    Authentication authentication = context.getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(new EngineActor(authentication.getUserId(), authentication.getGroupIds()));
  }

  public boolean isAdmin() {
    return groups.contains(Groups.ADMIN);
  }

  public boolean isSupervisor() {
    return groups.contains(Groups.SUPERVISORS);
  }
}
