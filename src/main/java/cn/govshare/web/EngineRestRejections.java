package cn.govshare.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * JAX-RS exception mappers for Camunda's REST API at {@code /engine-rest} and for the web apps' engine API
 * ({@code /camunda/api/engine/...}): a refusal ({@link cn.govshare.FormRejection} or any other
 * BadUserRequestException) anywhere in the cause chain is answered 400 in Camunda's error shape
 * {@code {"type","message","code"}} plus {@code field}. Camunda's own mappers
 * ({@code ProcessEngineExceptionHandler}, {@code RestExceptionHandler}, {@code ExceptionHandler}) map the
 * same types; Jersey takes the first mapper at the same distance in {@code @Priority} order, and an
 * {@link ExtendedExceptionMapper} that declines ({@code isMappable} false) leaves the exception to them.
 * One mapper per type Camunda maps: TaskResource turns a ProcessEngineException into a RestException (500)
 * on complete and submit-form, other resources let it through.
 */
public final class EngineRestRejections {

  static final int PRIORITY = Priorities.USER - 100;

  /** Every mapper, for registration in both JAX-RS applications. */
  static final List<Class<?>> MAPPERS = List.of(OfEngine.class, OfRest.class, OfAnything.class);

  private EngineRestRejections() {
  }

  static Response toResponse(Throwable failure) {
    BadUserRequestException rejection = Rejections.find(failure).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", rejection.getClass().getSimpleName());
    body.put("message", Rejections.message(rejection));
    body.put("code", rejection.getCode());
    body.put("field", Rejections.field(rejection));
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Jersey picks a mapper by the exception type it names: one per type Camunda's REST layer may throw. */
  abstract static class RefusalMapper<T extends Throwable> implements ExtendedExceptionMapper<T> {

    @Override
    public boolean isMappable(T failure) {
      return Rejections.find(failure).isPresent();
    }

    @Override
    public Response toResponse(T failure) {
      return EngineRestRejections.toResponse(failure);
    }
  }

  @Priority(PRIORITY)
  public static final class OfEngine extends RefusalMapper<ProcessEngineException> {
  }

  @Priority(PRIORITY)
  public static final class OfRest extends RefusalMapper<RestException> {
  }

  @Priority(PRIORITY)
  public static final class OfAnything extends RefusalMapper<Throwable> {
  }
}
