package cn.govshare.web;

import cn.govshare.FormRejection;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Finds the refusal inside an engine failure: Camunda wraps what a TaskListener, an ExecutionListener
 * or a delegate throws (ENGINE-03051 …), so a {@link FormRejection} or any other
 * {@link BadUserRequestException} may sit deep in the cause chain. Every door answers it with 400.
 */
final class Rejections {

  private static final Pattern ENGINE_PREFIX = Pattern.compile("^ENGINE-\\d+\\s*");

  private Rejections() {
  }

  /** The FormRejection in the chain, else the first BadUserRequestException, else empty. */
  static Optional<BadUserRequestException> find(Throwable failure) {
    BadUserRequestException first = null;
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 64; t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (t instanceof FormRejection rejection) {
        return Optional.of(rejection);
      }
      if (first == null && t instanceof BadUserRequestException bad) {
        first = bad;
      }
    }
    return Optional.ofNullable(first);
  }

  static String field(BadUserRequestException rejection) {
    return rejection instanceof FormRejection form ? form.field() : null;
  }

  /** The refusal as people read it: without the engine's ENGINE-xxxxx code in front. */
  static String message(BadUserRequestException rejection) {
    String message = rejection.getMessage();
    return message == null ? "输入无效" : ENGINE_PREFIX.matcher(message).replaceFirst("");
  }
}
