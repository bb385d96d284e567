package cn.govshare.org;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's own identity store, telling {@link IdentityChanges} about every write: whoever changes a user,
 * a group, a membership or a lock (GovShare's API, Camunda Admin, /engine-rest), and every failed password
 * check, moves the generation, so the caller cache of {@link CallerResolver} never serves a removed
 * membership, an old password or a locked account on this node.
 */
@Component
class IdentityChangePlugin extends AbstractProcessEnginePlugin {

  private final IdentityChanges changes;

  IdentityChangePlugin(IdentityChanges changes) {
    this.changes = changes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return NotifyingIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new NotifyingIdentityProvider(changes);
      }
    });
  }

  /** Camunda's database identity provider; each write moves the generation now and again at commit. */
  static final class NotifyingIdentityProvider extends DbIdentityServiceProvider {

    private final IdentityChanges changes;

    NotifyingIdentityProvider(IdentityChanges changes) {
      this.changes = changes;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      boolean valid = super.checkPassword(userId, password);
      if (!valid) {
        changed();  // a failed attempt may have locked the account
      }
      return valid;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
      return changed(super.saveUser(user));
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      return changed(super.deleteUser(userId));
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
      return changed(super.unlockUser(userId));
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
      return changed(super.saveGroup(group));
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      return changed(super.deleteGroup(groupId));
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      return changed(super.createMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      return changed(super.deleteMembership(userId, groupId));
    }

    private IdentityOperationResult changed(IdentityOperationResult result) {
      changed();
      return result;
    }

    private void changed() {
      changes.changed();
      CommandContext context = Context.getCommandContext();
      if (context != null) {
        // a reader that loaded the old rows before this commit must not keep them either
        context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> changes.changed());
      }
    }
  }
}
