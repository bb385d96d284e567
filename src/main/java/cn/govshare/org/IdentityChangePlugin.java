package cn.govshare.org;

import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
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
    // issue 18, class 5: a new user may read its own record and change its password, never its name or delete it
    configuration.setResourceAuthorizationProvider(new OwnAccountAuthorizations());
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

  /** New users: read their own record and update it (the password; names are refused above), no more. */
  static final class OwnAccountAuthorizations extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
      AuthorizationEntity own = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
      own.setUserId(user.getId());
      own.setResource(Resources.USER);
      own.setResourceId(user.getId());
      own.addPermission(Permissions.READ);
      own.addPermission(Permissions.UPDATE);
      return new AuthorizationEntity[] {own};
    }
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
      if (!byAdministrator()) {
        User stored = findUserById(user.getId());
        if (stored == null || !Objects.equals(stored.getFirstName(), user.getFirstName())
            || !Objects.equals(stored.getLastName(), user.getLastName())
            || !Objects.equals(stored.getEmail(), user.getEmail())) {
          refuse("修改姓名、电子邮箱或新建用户");
        }
      }
      return changed(super.saveUser(user));
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      requireAdministrator("删除用户");
      return changed(super.deleteUser(userId));
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
      return changed(super.unlockUser(userId));
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
      requireAdministrator("新建或修改组");
      return changed(super.saveGroup(group));
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      requireAdministrator("删除组");
      return changed(super.deleteGroup(groupId));
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      requireAdministrator("加入组");
      return changed(super.createMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      requireAdministrator("退出组");
      return changed(super.deleteMembership(userId, groupId));
    }

    /**
     * Issue 18, class 5: real names, departments (groups) and memberships are the administrators' record (R26):
     * a signed-in user who is not in camunda-admin changes none of them. GovShare's own set-up (no signed-in
     * user) may.
     */
    private static boolean byAdministrator() {
      CommandContext context = Context.getCommandContext();
      Authentication authentication = context == null ? null : context.getAuthentication();
      return authentication == null || authentication.getUserId() == null
          || authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.ADMIN);
    }

    private static void requireAdministrator(String what) {
      if (!byAdministrator()) {
        refuse(what);
      }
    }

    private static void refuse(String what) {
      throw new AuthorizationException("只有系统管理员可以" + what + "：实名信息由管理员维护（"
          + Context.getCommandContext().getAuthenticatedUserId() + "）");
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
