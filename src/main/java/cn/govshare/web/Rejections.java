package cn.govshare.web;

import cn.govshare.FormRejection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Finds the refusal inside an engine failure: Camunda wraps what a TaskListener, an ExecutionListener
 * or a delegate throws (ENGINE-03051 …), so a {@link FormRejection} or any other
 * {@link BadUserRequestException} may sit deep in the cause chain. Every door answers it with 400.
 */
final class Rejections {

  private static final Pattern ENGINE_PREFIX = Pattern.compile("^ENGINE-\\d+\\s*");
  /** Camunda refuses a Java-serialized variable value with a bare ProcessEngineException (a 500 otherwise). */
  private static final Pattern JAVA_SERIALIZATION =
      Pattern.compile("^ENGINE-17007 Cannot set variable with name (\\S+)\\. Java serialization format is prohibited");

  /** SQLState 22001 (H2, MySQL, MariaDB): a value longer than its column; the transaction rolled back. */
  private static final String STRING_TOO_LONG = "22001";
  /** The refusal of a value that only the database caught: a check is missing before it (the barrage flags it). */
  static final String TOO_LONG = "输入的值超过数据库字段允许的长度，未保存";

  private Rejections() {
  }

  /**
   * The FormRejection in the chain, else the first BadUserRequestException, else a Java-serialized value the
   * engine refused (as a FormRejection naming the variable), else a value too long for its column (the last
   * net: a 400 without a field, never a 500), else empty.
   */
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
      if (first == null && t instanceof ProcessEngineException && t.getMessage() != null) {
        Matcher serialized = JAVA_SERIALIZATION.matcher(t.getMessage());
        if (serialized.find()) {
          first = new FormRejection(serialized.group(1), "不接受 Java 序列化格式的变量值");
        }
      }
      if (first == null && t instanceof SQLException sql && STRING_TOO_LONG.equals(sql.getSQLState())) {
        first = new FormRejection(null, TOO_LONG);
      }
    }
    return Optional.ofNullable(first);
  }

  static String field(BadUserRequestException rejection) {
    return rejection instanceof FormRejection form ? form.field() : null;
  }

  /**
   * The refusal as people read it: without the engine's ENGINE-xxxxx code in front, and for a form's refusal
   * without the field's id (answered apart as {@code field}): Tasklist shows this text as it is.
   */
  static String message(BadUserRequestException rejection) {
    String message = rejection instanceof FormRejection form ? form.reason() : rejection.getMessage();
    return message == null ? "输入无效" : ENGINE_PREFIX.matcher(message).replaceFirst("");
  }
}
