package cn.govshare.trust;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.AuthorizationException;

/** Reads what an engine command targets from its fields when it has no getter (its class hierarchy, by name). */
public final class CommandFields {

  private CommandFields() {
  }

  /** The field's value, or null when the command has no such field; unreadable: refused (fail closed). */
  public static Object read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException | RuntimeException e) {
        throw new AuthorizationException("无法确定命令 " + command.getClass().getSimpleName() + " 的作用对象（" + name
            + "），已拒绝");
      }
    }
    return null;
  }
}
