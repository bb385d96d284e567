package cn.govshare.account;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Issue 18 class 6: the recovery path that needs no web login. Started with
 * {@code --govshare.unlock-user=admin[,other]} the application unlocks those accounts (audited), prints
 * what it did and exits (docs/operations.md); without the flag it does nothing.
 */
@Component
class UnlockUserRunner implements ApplicationRunner {

  static final String PROPERTY = "govshare.unlock-user";
  private static final Logger LOG = LoggerFactory.getLogger(UnlockUserRunner.class);

  private final AccountLocks locks;
  private final Environment environment;
  private final ConfigurableApplicationContext context;

  UnlockUserRunner(AccountLocks locks, Environment environment, ConfigurableApplicationContext context) {
    this.locks = locks;
    this.environment = environment;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    String users = environment.getProperty(PROPERTY);
    if (users == null || users.isBlank()) {
      return;
    }
    int failures = unlock(users);
    int code = SpringApplication.exit(context, () -> failures == 0 ? 0 : 1);
    System.exit(code);
  }

  /** Unlocks each listed account; returns how many were not found. */
  int unlock(String users) {
    List<String> ids = Arrays.stream(users.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    int missing = 0;
    for (String id : ids) {
      if (locks.unlock(id, "命令行解锁（--" + PROPERTY + "），无需网页登录").isPresent()) {
        LOG.warn("unlocked account {} (--{})", id, PROPERTY);
      } else {
        LOG.error("no user {} to unlock (--{})", id, PROPERTY);
        missing++;
      }
    }
    return missing;
  }
}
