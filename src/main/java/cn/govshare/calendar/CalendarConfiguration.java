package cn.govshare.calendar;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  @Bean
  WorkingCalendar workingCalendar(Clock clock) {
    return WorkingCalendar.official(clock);
  }
}
