package cn.govshare.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The audit chain's keys: HMAC keys for the records, an Ed25519 key pair for the anchors (docs/security.md). */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  static final String PRODUCTION = "prod";

  @Bean
  AuditKeys auditKeys(@Value("${govshare.audit.key:}") String key,
      @Value("${govshare.audit.key-file:}") String keyFile,
      @Value("${govshare.audit.retired-keys:}") List<String> retired, Environment environment, Clock clock) {
    return AuditKeys.load(key, path(keyFile), retired, !environment.acceptsProfiles(Profiles.of(PRODUCTION)), clock);
  }

  @Bean
  AnchorKeys anchorKeys(@Value("${govshare.audit.anchor.key-file:}") String keyFile, Environment environment) {
    return AnchorKeys.load(path(keyFile), !environment.acceptsProfiles(Profiles.of(PRODUCTION)));
  }

  private static Path path(String file) {
    return file == null || file.isBlank() ? null : Path.of(file);
  }
}
