package cn.govshare.org;

import java.util.Arrays;
import org.apache.commons.lang3.StringUtils;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In {@code prod} there is no default password: the first administrator must come from
 * GOVSHARE_ADMIN_USER / GOVSHARE_ADMIN_PASSWORD, or start-up stops here with a clear message.
 */
public class ProductionAdministratorCheck implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
      return;
    }
    if (StringUtils.isAnyBlank(environment.getProperty("GOVSHARE_ADMIN_USER"),
        environment.getProperty("GOVSHARE_ADMIN_PASSWORD"))) {
      throw new IllegalStateException("GovShare prod profile: set GOVSHARE_ADMIN_USER and GOVSHARE_ADMIN_PASSWORD "
          + "(the first administrator); there is no default password in production");
    }
  }
}
