package cn.govshare.web;

import cn.govshare.org.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of /api (issue 20, docs/api.md): served at /v3/api-docs, browsable at /swagger-ui/.
 * HTTP Basic with the platform's users; every failure an RFC 9457 problem detail ({@link Problems}). The
 * {@link Caller} argument is the signed-in user, never a request parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

  static final String BASIC = "basic";
  static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final Map<String, String> PROBLEMS = Map.of(
      "400", "输入无效：detail 说明原因，field 指出字段",
      "401", "未登录或用户名、密码错误",
      "403", "无权进行此操作",
      "404", "对象不存在或无权查看");

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI govShareApi() {
    return new OpenAPI()
        .info(new Info().title("GovShare 政务信息资源共享审批平台 API").version("1")
            .description("共享申请、授权、资源目录、争议协调、数据纠错、办理时限和审计。使用平台统一用户（HTTP Basic）；"
                + "错误按 RFC 9457 返回 application/problem+json。说明见 docs/api.md。"))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("平台用户名和密码（与 Tasklist 相同）")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /** Every operation can answer these four with a problem detail; the advice maps them once. */
  @Bean
  OpenApiCustomizer problemResponses() {
    return api -> {
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
          PROBLEMS.forEach((status, description) -> {
            if (!operation.getResponses().containsKey(status)) {
              operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                  .content(new Content().addMediaType(PROBLEM_JSON,
                      new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
          })));
    };
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema().description("RFC 9457 problem detail")
        .addProperty("type", new StringSchema().description("稳定的问题类型，如 urn:govshare:problem:invalid-input"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema().description("中文说明"))
        .addProperty("instance", new StringSchema())
        .addProperty("field", new StringSchema().description("出错的字段或参数"))
        .addProperty("rule", new StringSchema().description("相关规则编号，如 R13"));
  }
}
