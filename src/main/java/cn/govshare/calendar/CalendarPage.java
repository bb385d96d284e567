package cn.govshare.calendar;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The administrators' notice page (static/calendar/) answers at /calendar/ as well as /calendar/index.html. */
@Configuration(proxyBeanMethods = false)
class CalendarPage implements WebMvcConfigurer {

  static final String PATH = "/calendar/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    registry.addRedirectViewController("/calendar", PATH);
  }
}
