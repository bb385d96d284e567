package cn.govshare.federation.lower;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The client of the upper platform exists only where {@code govshare.federation.upper.url} is set. */
@Configuration
@EnableConfigurationProperties(LowerSettings.class)
class LowerConfiguration {

  @Bean
  @ConditionalOnExpression("'${govshare.federation.upper.url:}' != ''")
  UpperClient upperClient(LowerSettings settings, ObjectMapper objectMapper) {
    return new UpperClient(settings, objectMapper);
  }
}
