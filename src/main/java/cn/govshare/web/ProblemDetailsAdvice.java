package cn.govshare.web;

import cn.govshare.ApiException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one mapping from failures to RFC 9457 problem details: 4xx for bad input, never a stack trace. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> apiException(ApiException e) {
    ProblemDetail problem = Problems.of(e.status(), e.type(), e.getMessage(), e.field());
    if (e.rule() != null) {
      problem.setProperty("rule", e.rule());
    }
    e.properties().forEach(problem::setProperty);
    Object retryAfter = e.properties().get(ApiException.RETRY_AFTER_SECONDS);
    return retryAfter == null ? ResponseEntity.status(e.status()).body(problem)
        : ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter)).body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return badRequest(e.getName(), "参数 " + e.getName() + " 的值无效: " + e.getValue());
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(Problems.of(HttpStatus.CONFLICT, "conflict", "记录已存在 (duplicate key)", null));
  }

  /** Database down: say so with 503 so clients retry; nothing was written. */
  @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
      DataAccessResourceFailureException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    LOG.warn("database unavailable: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "10")
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "数据库暂不可用，请稍后重试", null));
  }

  /** Method validation of request parameters (a class with {@code @Validated}): 400 naming the parameter. */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
    return e.getConstraintViolations().stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .map(v -> badRequest(field(v), "参数 " + field(v) + " " + v.getMessage()))
        .orElseGet(() -> badRequest(null, "输入无效"));
  }

  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ProblemDetail> engine(ProcessEngineException e) {
    if (DatabaseFailures.isConnectionFailure(e)) {
      return databaseUnavailable(e);
    }
    var rejection = Rejections.find(e);
    if (rejection.isPresent()) {
      // issue 18: a refusal inside a listener or delegate (FormRejection) is the user's input, never a 500
      return badRequest(Rejections.field(rejection.get()), Rejections.message(rejection.get()));
    }
    LOG.error("process engine failure", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "流程引擎错误", null));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseFailures.isConnectionFailure(e)) {
      return databaseUnavailable(e);
    }
    var rejection = Rejections.find(e);
    if (rejection.isPresent()) {
      return badRequest(Rejections.field(rejection.get()), Rejections.message(rejection.get()));
    }
    LOG.error("unexpected failure", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "内部错误", null));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String detail = cause instanceof UnrecognizedPropertyException ? "未知字段 " + field
          : cause instanceof InvalidFormatException invalid ? "字段 " + field + " 的值无效: " + invalid.getValue()
          : cause instanceof MismatchedInputException ? "字段 " + field + " 的类型错误" : "字段 " + field + " 无效";
      return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", detail, field));
    }
    return ResponseEntity.badRequest()
        .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "请求体不是有效的 JSON", "body"));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var error = e.getBindingResult().getFieldErrors().stream().findFirst();
    String field = error.map(f -> f.getField()).orElse(null);
    String detail = error.map(f -> "字段 " + f.getField() + " " + f.getDefaultMessage()).orElse("输入无效");
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", detail, field));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input",
        "缺少参数 " + e.getParameterName(), e.getParameterName()));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var result = e.getParameterValidationResults().stream().findFirst();
    String field = result.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
    String detail = result.map(r -> "参数 " + r.getMethodParameter().getParameterName() + " "
        + r.getResolvableErrors().get(0).getDefaultMessage()).orElse("输入无效");
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", detail, field));
  }

  /** {@code limit} for a request parameter, {@code requestedFields[2]} for a value inside a body. */
  private static String field(ConstraintViolation<?> violation) {
    StringBuilder properties = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (node.getKind() == ElementKind.PROPERTY) {
        properties.append(properties.isEmpty() ? "" : ".").append(node.getName());
      }
      if (node.getIndex() != null) {
        properties.append('[').append(node.getIndex()).append(']');
      }
    }
    return properties.isEmpty() ? parameter : properties.toString().replaceFirst("^\\[", parameter + "[");
  }

  private static ResponseEntity<ProblemDetail> badRequest(String field, String detail) {
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", detail, field));
  }
}
