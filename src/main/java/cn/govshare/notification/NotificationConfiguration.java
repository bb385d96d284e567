package cn.govshare.notification;

import cn.govshare.calendar.WorkingCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

  @Bean
  WorkingHours workingHours(WorkingCalendar calendar, NotificationSettings settings) {
    return new WorkingHours(calendar, settings.workStart(), settings.workEnd());
  }
}
