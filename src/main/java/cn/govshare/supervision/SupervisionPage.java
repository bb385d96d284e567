package cn.govshare.supervision;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The supervision page answers at /supervision/ (and /supervision), not only at its index.html. */
@Configuration
class SupervisionPage implements WebMvcConfigurer {

  static final String PATH = "/supervision/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    registry.addRedirectViewController("/supervision", PATH);
  }
}
