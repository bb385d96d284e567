package cn.govshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese locale covers exactly the key set of the Camunda web app's own English file, so no
 * reviewer ever sees a raw key; run after a Camunda upgrade, it names every key that drifted.
 */
class WebappLocaleTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String BASE = "META-INF/resources/webjars/camunda/app/";

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseLocaleHasEveryEnglishKeyAndNoEmptyText(String app) throws IOException {
    Map<String, JsonNode> english = flatten(read(BASE + app + "/locales/en.json"));
    Map<String, JsonNode> chinese = flatten(read(BASE + app + "/locales/zh.json"));
    assertThat(chinese.keySet()).as(app).containsExactlyInAnyOrderElementsOf(english.keySet());
    chinese.forEach((key, value) -> {
      if (!english.get(key).asText().isEmpty()) {
        assertThat(value.asText()).as(app + " " + key).isNotBlank();
      }
    });
    assertThat(chinese.get("PAGE_LOGIN_USERNAME") == null ? "用户名" : chinese.get("PAGE_LOGIN_USERNAME").asText())
        .doesNotContainPattern("^[A-Za-z ]+$");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configurationOffersChineseAndHidesTheMigrationBanner(String app) throws IOException {
    assertThat(text(BASE + app + "/scripts/config.js")).contains("availableLocales: ['zh'", "fallbackLocale: 'zh'");
    assertThat(text(BASE + app + "/styles/user-styles.css")).contains(".ce-eol-banner", "display: none");
  }

  /** The application's own resource comes first on the classpath; en.json exists only in the webjar. */
  private static JsonNode read(String path) throws IOException {
    return JSON.readTree(text(path).replace("\uFEFF", ""));
  }

  private static String text(String path) throws IOException {
    Enumeration<java.net.URL> urls = WebappLocaleTest.class.getClassLoader().getResources(path);
    List<java.net.URL> found = new ArrayList<>();
    urls.asIterator().forEachRemaining(found::add);
    assertThat(found).as(path).isNotEmpty();
    try (InputStream in = found.get(0).openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> out = new TreeMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
      }
    } else {
      out.put(prefix, node);
    }
  }
}
