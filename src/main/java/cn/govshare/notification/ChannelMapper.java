package cn.govshare.notification;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Channel settings: webhooks (administrators) and each user's choice of channels. */
@Mapper
interface ChannelMapper {

  Webhook findWebhook(@Param("ownerType") Webhook.OwnerType ownerType, @Param("owner") String owner);

  List<Webhook> webhooks();

  void insertWebhook(Webhook webhook);

  int updateWebhook(Webhook webhook);

  int deleteWebhook(@Param("ownerType") Webhook.OwnerType ownerType, @Param("owner") String owner);

  Preference findPreference(String userId);

  List<Preference> preferences(@Param("userIds") Collection<String> userIds);

  int updatePreference(Preference preference);

  void insertPreference(Preference preference);
}
