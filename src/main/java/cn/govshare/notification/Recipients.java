package cn.govshare.notification;

import cn.govshare.org.Groups;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who receives a notification through a channel, read when it is sent: the user, or the group's members as
 * the identity service knows them now, each as far as the user's choice of channels allows; for webhooks the
 * user's own, or the department's for a group.
 */
@Component
class Recipients {

  private final ChannelMapper channels;
  private final IdentityService identity;

  Recipients(ChannelMapper channels, IdentityService identity) {
    this.channels = channels;
    this.identity = identity;
  }

  Preference preference(String userId) {
    Preference chosen = channels.findPreference(userId);
    return chosen == null ? Preference.defaults(userId) : chosen;
  }

  /** The enabled webhook a notification goes to: the user's own (if chosen) or the group's department's. */
  Webhook webhookFor(Notification notification) {
    Webhook webhook = Notifications.USER.equals(notification.recipientType())
        ? preference(notification.recipient()).webhook()
            ? channels.findWebhook(Webhook.OwnerType.USER, notification.recipient()) : null
        : channels.findWebhook(Webhook.OwnerType.DEPARTMENT, Groups.departmentOf(notification.recipient()));
    return webhook != null && webhook.enabled() ? webhook : null;
  }

  /** Mail addresses of the recipient user or of the group's members who keep mail on, sorted. */
  List<String> mailAddresses(Notification notification) {
    List<User> users = Notifications.USER.equals(notification.recipientType())
        ? identity.createUserQuery().userId(notification.recipient()).list()
        : identity.createUserQuery().memberOfGroup(notification.recipient()).list();
    List<User> reachable = users.stream().filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).toList();
    if (reachable.isEmpty()) {
      return List.of();
    }
    Map<String, Preference> chosen = channels.preferences(reachable.stream().map(User::getId).toList()).stream()
        .collect(Collectors.toMap(Preference::userId, Function.identity()));
    return reachable.stream().filter(u -> chosen.getOrDefault(u.getId(), Preference.defaults(u.getId())).mail())
        .map(User::getEmail).sorted().toList();
  }
}
