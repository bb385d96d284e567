package cn.govshare.notification;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.org.Caller;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's own choice of channels; a channel the administrator does not allow cannot be chosen. */
@Service
class Preferences {

  private final ChannelMapper mapper;
  private final Recipients recipients;
  private final NotificationSettings settings;
  private final IdentityService identity;
  private final AuditTrail audit;
  private final Clock clock;

  Preferences(ChannelMapper mapper, Recipients recipients, NotificationSettings settings, IdentityService identity,
      AuditTrail audit, Clock clock) {
    this.mapper = mapper;
    this.recipients = recipients;
    this.settings = settings;
    this.identity = identity;
    this.audit = audit;
    this.clock = clock;
  }

  Map<String, Object> view(Caller caller) {
    Preference chosen = recipients.preference(caller.userId());
    User user = identity.createUserQuery().userId(caller.userId()).singleResult();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("userId", caller.userId());
    view.put("mail", chosen.mail() && settings.allows(Channel.MAIL));
    view.put("webhook", chosen.webhook() && settings.allows(Channel.WEBHOOK));
    view.put("allowed", settings.channels().stream().sorted().toList());
    view.put("email", user == null ? null : user.getEmail());
    view.put("personalWebhook", mapper.findWebhook(Webhook.OwnerType.USER, caller.userId()) != null);
    return view;
  }

  @Transactional
  Map<String, Object> choose(Caller caller, boolean mail, boolean webhook) {
    refuseUnallowed(Channel.MAIL, mail, "mail");
    refuseUnallowed(Channel.WEBHOOK, webhook, "webhook");
    Preference chosen = new Preference(caller.userId(), mail, webhook, clock.instant());
    if (mapper.updatePreference(chosen) == 0) {
      mapper.insertPreference(chosen);
    }
    audit.record(caller, "NOTIFICATION_PREFERENCE", "USER", caller.userId(), AuditTrail.OK,
        "mail=" + mail + ", webhook=" + webhook, Set.of());
    return view(caller);
  }

  private void refuseUnallowed(Channel channel, boolean wanted, String field) {
    if (wanted && !settings.allows(channel)) {
      throw ApiException.badRequest(field, "管理员未开放 " + channel + " 渠道");
    }
  }
}
