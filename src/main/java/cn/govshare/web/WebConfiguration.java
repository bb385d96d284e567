package cn.govshare.web;

import cn.govshare.ApiException;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  /** Folders under static/ that hold one of GovShare's own pages (README, the front door); /calendar/: CalendarPage. */
  static final List<String> OWN_PAGES = List.of("apply", "supervision", "open");

  /** The API's JSON converter, with a Content-Length (Spring Boot's own backs off): see {@link SizedJsonConverter}. */
  @Bean
  MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper json) {
    return new SizedJsonConverter(json);
  }

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> basicAuthentication(IdentityService identity,
      CallerResolver callers, ObjectMapper json, List<AuthenticationListener> listeners, LoginThrottle throttle) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new BasicAuthenticationFilter(identity, callers, json, fanOut(listeners), throttle, false));
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.setName("govshareBasicAuthentication");
    return registration;
  }

  /** Issue 24: public accounts reach /api/public/ only; never /engine-rest, other /api or the web apps. */
  @Bean
  FilterRegistrationBean<PublicApplicantFence> publicApplicantFence(CallerResolver callers, ObjectMapper json) {
    FilterRegistrationBean<PublicApplicantFence> registration =
        new FilterRegistrationBean<>(new PublicApplicantFence(callers, json));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    registration.setName("govsharePublicApplicantFence");
    return registration;
  }

  /** Issue 18 class 8: health details only for supervisors and administrators, who log in with HTTP Basic. */
  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> actuatorAuthentication(IdentityService identity,
      CallerResolver callers, ObjectMapper json, List<AuthenticationListener> listeners, LoginThrottle throttle) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new BasicAuthenticationFilter(identity, callers, json, fanOut(listeners), throttle, true));
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.setName("govshareActuatorAuthentication");
    return registration;
  }

  /** R26, issue 18 class 6: the web apps' own login form (Tasklist, Cockpit, Admin) is throttled and audited. */
  @Bean
  FilterRegistrationBean<WebappLoginAuditFilter> webappLoginAudit(List<AuthenticationListener> listeners,
      LoginThrottle throttle, ObjectMapper json) {
    FilterRegistrationBean<WebappLoginAuditFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginAuditFilter(fanOut(listeners), throttle, json));
    registration.addUrlPatterns(WebappLoginAuditFilter.URL_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  private static AuthenticationListener fanOut(List<AuthenticationListener> listeners) {
    return new AuthenticationListener() {
      @Override
      public void loginFailed(String userId, String remoteAddress, String channel) {
        listeners.forEach(l -> l.loginFailed(userId, remoteAddress, channel));
      }

      @Override
      public void loginThrottled(String remoteAddress, String channel) {
        listeners.forEach(l -> l.loginThrottled(remoteAddress, channel));
      }
    };
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(ObjectMapper json,
      @Value("${govshare.web.max-body-bytes:16777216}") long maxBytes) {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes, json));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Issue 18: a refused form value is a 400 naming the field at /engine-rest (Camunda's Jersey application). */
  @Bean
  ResourceConfigCustomizer engineRestRejections() {
    return config -> EngineRestRejections.MAPPERS.forEach(config::register);
  }

  /**
   * The same for the web apps' engine API (/camunda/api/engine/...): its JAX-RS application is a class the
   * webapp starter hands to a Jersey servlet, with no hook of its own. Jersey reads the servlet context's
   * attributes as properties of every application it builds from a class, and adds the providers named in
   * {@code jersey.config.server.provider.classnames}. The mappers act only on refusals.
   */
  @Bean
  ServletContextInitializer webappEngineApiRejections() {
    return context -> {
      if (context.getAttribute(ServerProperties.PROVIDER_CLASSNAMES) != null) {
        throw new IllegalStateException(ServerProperties.PROVIDER_CLASSNAMES + " is already set: "
            + context.getAttribute(ServerProperties.PROVIDER_CLASSNAMES));
      }
      context.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
          EngineRestRejections.MAPPERS.stream().map(Class::getName).collect(Collectors.joining(",")));
    };
  }

  /**
   * Issue 20: GovShare's own pages answer at their folder, with or without the slash (/apply, /apply/), not only
   * at index.html. The front door itself is static/index.html at "/" (Spring's welcome page).
   */
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String page : OWN_PAGES) {
      registry.addRedirectViewController("/" + page, "/" + page + "/");
      registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
    }
    registry.addRedirectViewController("/swagger-ui/", "/swagger-ui/index.html");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new HandlerMethodArgumentResolver() {
      @Override
      public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
      }

      @Override
      public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
          WebDataBinderFactory binderFactory) {
        Object caller = request.getAttribute(BasicAuthenticationFilter.CALLER, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
          throw ApiException.forbidden("未认证的调用");
        }
        return caller;
      }
    });
  }
}
