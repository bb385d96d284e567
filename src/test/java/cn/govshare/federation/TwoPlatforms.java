package cn.govshare.federation;

import cn.govshare.ApiClient;
import cn.govshare.federation.api.FederationPaths;
import cn.govshare.resilience.ChildNode;
import cn.govshare.resilience.TcpProxy;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Two GovShare platforms for one test (R24): a province (the upper platform) and a city (its lower platform),
 * each a JVM of its own ({@link ChildNode}) with its own database — on MariaDB (ITs with the mysql profile and
 * {@code GOVSHARE_DB_URL}, as in .ci/run) two fresh databases on the run's server, dropped at the end; on H2
 * two files — and its own organisation and profile:
 * <ul>
 *   <li>province: Spring profile {@code demo-province} (Hubei profile; 省大数据局 operator {@value #PROVINCE_OPERATOR},
 *       providers 省公安厅 {@code sgat}, 省人社厅 {@code srst}, 省民政厅 {@code smzt} with {@code <dept>-reviewer} and
 *       {@code <dept>-head}; catalogue SJ-001 and SJ-002 CONDITIONAL, SJ-003 UNCONDITIONAL; the city's service
 *       account {@value #PEER} in group federation-peers for platform {@value #CITY_CODE});</li>
 *   <li>city: profile {@code demo} (the city demo organisation: operator, gaj-reviewer, rsj-applicant, mzj-applicant,
 *       …) under the Nanchang profile, with {@code govshare.federation.upper.url/user/password} pointing at the
 *       province through a {@link TcpProxy} the test can cut ({@link #provinceDown()}), slow down
 *       ({@link #provinceSlow}) or restore ({@link #provinceUp()}); {@link #stopProvince()} and
 *       {@link #startProvince()} stop and restart the province itself on the same database and port.</li>
 * </ul>
 * Passwords equal user ids. Typical use:
 * <pre>{@code
 * try (TwoPlatforms platforms = TwoPlatforms.start()) {
 *   ApiClient applicant = platforms.city("rsj-applicant");
 *   ...                                         // the city forwards; then at the province:
 *   platforms.provinceChecks(reference);        // UpperApplication.reference, the province's business key
 *   platforms.provinceApproves("srst-reviewer", reference, "公民身份号码,姓名", "2027-12-31");
 * }
 * }</pre>
 * Starting takes a while (two Spring Boot applications with Camunda): start once per test class
 * ({@code @BeforeAll}) and close in {@code @AfterAll}. {@link #provinceOnly()} starts the province alone.
 */
public final class TwoPlatforms implements AutoCloseable {

  /** The city's service account at the province (user id = password). */
  public static final String PEER = "nanchang-platform";
  /** The code and name the province knows the city platform by. */
  public static final String CITY_CODE = "nc";
  public static final String CITY_NAME = "南昌市政务数据共享平台";
  public static final String PROVINCE_CODE = "hb";
  public static final String PROVINCE_NAME = "湖北省政务数据共享平台";
  /** The province's platform operator (规范性审查 at the province, nanchang 16). */
  public static final String PROVINCE_OPERATOR = "sdsj-operator";
  public static final String PROVINCE_SUPERVISOR = "prov-supervisor";

  private final ChildNode province;
  private final TcpProxy link;
  private final ChildNode city;

  private TwoPlatforms(boolean withCity) throws IOException {
    String profiles = System.getProperty("govshare.test.profiles", "demo,test");
    boolean mysql = profiles.contains("mysql");
    String run = Long.toString(ProcessHandle.current().pid()) + "_" + Long.toString(System.nanoTime() % 100000);
    province = new ChildNode("govshare-province", "demo-province,test" + (mysql ? ",mysql" : ""),
        "fed_province_" + run, List.of()).readyWhen(PROVINCE_SUPERVISOR);
    link = new TcpProxy("127.0.0.1", province.port);
    if (withCity) {
      List<String> arguments = new ArrayList<>(List.of("--govshare.policy=nanchang",
          "--govshare.federation.platform.code=" + CITY_CODE, "--govshare.federation.platform.name=" + CITY_NAME,
          "--govshare.federation.upper.url=http://127.0.0.1:" + link.port(),
          "--govshare.federation.upper.user=" + PEER, "--govshare.federation.upper.password=" + PEER));
      city = new ChildNode("govshare-city", "demo,test" + (mysql ? ",mysql" : ""), "fed_city_" + run, arguments);
    } else {
      city = null;
    }
  }

  /** Starts the province and the city (in parallel) and returns when both answer. */
  public static TwoPlatforms start() throws Exception {
    return started(new TwoPlatforms(true));
  }

  /** Starts the province alone (the federation API driven directly, as the city would). */
  public static TwoPlatforms provinceOnly() throws Exception {
    return started(new TwoPlatforms(false));
  }

  private static TwoPlatforms started(TwoPlatforms platforms) throws Exception {
    try {
      List<CompletableFuture<Void>> starting = new ArrayList<>();
      for (ChildNode node : platforms.nodes()) {
        starting.add(CompletableFuture.runAsync(() -> {
          try {
            node.start();
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        }));
      }
      CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
      return platforms;
    } catch (CompletionException e) {
      platforms.close();
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  public int provincePort() {
    return province.port;
  }

  public int cityPort() {
    if (city == null) {
      throw new IllegalStateException("started with provinceOnly()");
    }
    return city.port;
  }

  /** The port of the link (the proxy) the city reaches the province by: {@code govshare.federation.upper.url}. */
  public int linkPort() {
    return link.port();
  }

  /** A user of the province (password = user id), straight to it (not through the proxy). */
  public ApiClient province(String userId) {
    return ApiClient.as(province.port, userId);
  }

  /** The city's service account at the province: what the city platform itself calls with. */
  public ApiClient peer() {
    return province(PEER);
  }

  /** The city's service account with a fresh {@code Idempotency-Key} (one forwarding). */
  public ApiClient peerForwarding() {
    return peer().withHeader(FederationPaths.IDEMPOTENCY_KEY, UUID.randomUUID().toString());
  }

  /** A user of the city (password = user id). */
  public ApiClient city(String userId) {
    return ApiClient.as(cityPort(), userId);
  }

  /** The city can no longer reach the province: open connections drop, new ones are refused. */
  public void provinceDown() {
    link.cut();
  }

  /** The city reaches the province again. */
  public void provinceUp() {
    link.restore();
    link.delay(Duration.ZERO);
  }

  /** Every chunk between the city and the province waits {@code delay} (a slow province). */
  public void provinceSlow(Duration delay) {
    link.delay(delay);
  }

  /** Kills the province (SIGKILL, mid-flight). Its database stays; {@link #startProvince()} brings it back. */
  public void stopProvince() throws InterruptedException {
    province.kill();
    province.awaitExit();
  }

  /** Starts the province again on the same database and port, and waits until it answers. */
  public void startProvince() throws Exception {
    province.start();
  }

  /**
   * Completes the open task {@code taskKey} of the province's share request {@code reference} (its business key,
   * {@code UpperApplication.reference}) as {@code userId} through the province's /engine-rest, with form
   * values (Boolean, String, Number). Fails unless exactly that task is open and the completion succeeds.
   */
  public void completeProvinceTask(String userId, String reference, String taskKey, Map<String, Object> values) {
    String taskId = provinceTaskId(reference, taskKey);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    ApiClient.Response done = province(userId).post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", variables));
    if (done.status() != 204) {
      throw new AssertionError(userId + " could not complete " + taskKey + " of " + reference + ": " + done);
    }
  }

  /** The province's operator passes the normative check of request {@code reference} (hubei 19). */
  public void provinceChecks(String reference) {
    completeProvinceTask(PROVINCE_OPERATOR, reference, "normativeCheck", Map.of("checkPassed", true));
  }

  /**
   * The province's provider ({@code reviewer}, e.g. {@code srst-reviewer} for SJ-001, {@code sgat-reviewer} for
   * SJ-002) approves request {@code reference}: {@code scope} comma-separated item names ("" = every item),
   * {@code validUntil} an ISO date.
   */
  public void provinceApproves(String reviewer, String reference, String scope, String validUntil) {
    completeProvinceTask(reviewer, reference, "providerAuthorization",
        Map.of("approved", true, "grantScope", scope, "grantValidUntil", validUntil));
  }

  /** The province's provider refuses request {@code reference} with {@code reason} (R13: a refusal gives one). */
  public void provinceRefuses(String reviewer, String reference, String reason) {
    completeProvinceTask(reviewer, reference, "providerAuthorization", Map.of("approved", false, "denialReason", reason));
  }

  /** The id of the open task {@code taskKey} of the province's request {@code reference} (read as supervisor). */
  public String provinceTaskId(String reference, String taskKey) {
    JsonNode tasks = province(PROVINCE_SUPERVISOR)
        .get("/engine-rest/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + taskKey).json();
    if (tasks.size() != 1) {
      throw new AssertionError("expected one open " + taskKey + " of " + reference + ", found " + tasks);
    }
    return tasks.get(0).path("id").asText();
  }

  /** The province's log, for a failing assertion's message. */
  public String provinceLog() {
    return province.logFile().toString();
  }

  public String cityLog() {
    return city == null ? "" : city.logFile().toString();
  }

  private List<ChildNode> nodes() {
    return city == null ? List.of(province) : List.of(province, city);
  }

  @Override
  public void close() throws IOException {
    if (city != null) {
      city.close();
    }
    link.close();
    province.close();
  }
}
