package cn.govshare.federation.upper;

import cn.govshare.federation.api.FederationPaths;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wire API v1 alone at /v3/api-docs/federation-v1, for lower platforms' developers (it is also in /v3/api-docs). */
@Configuration(proxyBeanMethods = false)
class FederationOpenApi {

  @Bean
  GroupedOpenApi federationV1() {
    // springdoc.paths-to-match (/api/**, application.yml) wins over a group's own paths: keep only ours here
    return GroupedOpenApi.builder().group(FederationPaths.OPENAPI_GROUP).displayName("上级平台接口 v1")
        .pathsToMatch(FederationPaths.BASE + "/**")
        .addOpenApiCustomizer(api -> api.getPaths().keySet().removeIf(path -> !path.startsWith(FederationPaths.BASE)))
        .build();
  }
}
