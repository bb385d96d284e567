package cn.govshare.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies for catalogue tests: a valid entry each test bends to break one rule. */
final class CatalogFixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

  private CatalogFixtures() {
  }

  /** A code no other test (nor an earlier run against the same database) uses. */
  static String uniqueCode(String prefix) {
    return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  /** A valid CONDITIONAL department entry of {@code dept}. */
  static Map<String, Object> conditionalEntry(String code, String dept) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "婚姻登记信息");
    body.put("classification", "DEPARTMENT");
    body.put("responsibleDepartment", dept);
    body.put("format", "数据库表");
    body.put("updateCycle", "DAILY");
    body.put("shareType", "CONDITIONAL");
    body.put("conditions", "限于社会救助对象核查，按个人逐条查询");
    body.put("legalBasis", "《婚姻登记条例》第二条；《中华人民共和国个人信息保护法》第三十四条");
    body.put("usageRequirements", "仅用于本部门依法履行职责");
    body.put("items", new ArrayList<>(List.of(item("公民身份号码", null, false), item("婚姻状况", null, false))));
    body.put("shareModes", new ArrayList<>(List.of(serviceApi())));
    return body;
  }

  static Map<String, Object> item(String name, String shareType, boolean basic) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("name", name);
    item.put("shareType", shareType);
    item.put("basic", basic);
    return item;
  }

  static Map<String, Object> serviceApi() {
    Map<String, Object> mode = new LinkedHashMap<>();
    mode.put("type", "SERVICE_API");
    mode.put("delivery", "ONLINE_QUERY");
    mode.put("interfaceDescription", "按公民身份号码查询婚姻状况");
    mode.put("callMethod", "HTTPS POST，JSON");
    return mode;
  }
}
