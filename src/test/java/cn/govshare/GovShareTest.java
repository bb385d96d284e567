package cn.govshare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The whole application on a random port with the demo organisation. On H2 in memory by default;
 * the MariaDB integration tests run the same classes with {@code -Dgovshare.test.profiles=demo,test,mysql}.
 * Every test class shares this one context: never dirty it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = GovShareTest.Profiles.class)
public @interface GovShareTest {

  class Profiles implements ActiveProfilesResolver {
    @Override
    public String[] resolve(Class<?> testClass) {
      return System.getProperty("govshare.test.profiles", "demo,test").split(",");
    }
  }
}
