package cn.govshare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.function.Function;

/**
 * Rows as one JSON array of arrays (issue 25): the single {@code #{}} parameter of a MySQL/MariaDB statement that
 * reads them with {@code JSON_TABLE}. Such a statement is static: MyBatis parses it once, where a {@code <foreach>}
 * over the rows rebuilt and re-parsed the SQL, with a regular expression compiled per placeholder, for every
 * statement (the largest share of the data-call writer's and the audit sealer's CPU and allocation). Values are
 * strings, numbers or null, escaped as JSON; a string from a request (a department code) stays data.
 */
public final class JsonRows {

  private static final JsonFactory JSON = new JsonFactory();

  private JsonRows() {
  }

  /** {@code [[a1, b1, …], [a2, b2, …], …]}: one inner array per item, its columns in order. */
  public static <T> String of(Collection<T> items, Function<T, Object[]> columns) {
    StringWriter text = new StringWriter(32 + items.size() * 48);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartArray();
      for (T item : items) {
        json.writeStartArray();
        for (Object value : columns.apply(item)) {
          if (value == null) {
            json.writeNull();
          } else if (value instanceof Long number) {
            json.writeNumber(number);
          } else if (value instanceof Integer number) {
            json.writeNumber(number);
          } else if (value instanceof String string) {
            json.writeString(string);
          } else {
            throw new IllegalArgumentException("not a JSON row value: " + value.getClass().getName());
          }
        }
        json.writeEndArray();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** {@code [[v1], [v2], …]}: one column, each value as {@link #of} writes it (a list of keys or ids). */
  public static <T> String column(Collection<T> values) {
    return of(values, value -> new Object[] {value});
  }
}
