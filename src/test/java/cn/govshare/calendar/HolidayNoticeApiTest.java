package cn.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 21 through /api: preview and apply a pasted notice, as an administrator and as everyone else. */
@GovShareTest
class HolidayNoticeApiTest {

  static final String PREVIEW = "/api/calendar/notices/preview";
  static final String APPLY = "/api/calendar/notices";
  static final String TEXT = "text/plain; charset=UTF-8";

  /** A year no other test uses: loaded, amended, then forgotten again. */
  static final String NOTICE_2035 = """
      国务院办公厅关于2035年部分节假日安排的通知
      国办发明电〔2034〕5号

      一、元旦：1月1日（周一）放假，共1天。

      四、劳动节：5月1日（周二）放假，共1天。
      """;
  static final String LABOUR_DAY_2035 = """
      国务院办公厅关于调整2035年劳动节假期安排的通知
      国办发明电〔2035〕2号

      经国务院批准，现将2035年劳动节假期调整安排通知如下：

      2035年4月28日至5月2日放假调休，共5天。4月22日（星期日）、5月5日（星期六）上班。
      """;

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ApplicationContext context;

  @AfterEach
  void forget2035() {
    RunTimeYears.forget(context, 2035);
  }

  ApiClient.Response post(String user, String path, String text) {
    return post(ApiClient.as(port, user), path, text.getBytes(StandardCharsets.UTF_8));
  }

  static ApiClient.Response post(ApiClient client, String path, byte[] body) {
    return client.sendBytes("POST", path, body, TEXT);
  }

  int loadedYears() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gs_calendar_year", Integer.class);
  }

  @Test
  void administratorPreviewsThe2026NoticeInTheShapeOfTheDataAndNothingIsStored() {
    int before = loadedYears();
    ApiClient.Response response = post("admin", PREVIEW, HolidayNoticeReaderTest.notice("2026"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode preview = response.json();
    assertThat(preview.path("year").asInt()).isEqualTo(2026);
    assertThat(preview.path("title").asText()).isEqualTo("国务院办公厅关于2026年部分节假日安排的通知");
    assertThat(preview.path("inForce").asBoolean()).isTrue();
    assertThat(preview.path("holidays").get(1).toString())
        .isEqualTo("{\"name\":\"春节\",\"dates\":[\"2026-02-15\",\"2026-02-16\",\"2026-02-17\",\"2026-02-18\","
            + "\"2026-02-19\",\"2026-02-20\",\"2026-02-21\",\"2026-02-22\",\"2026-02-23\"]}");
    assertThat(preview.path("workdays").get(0).toString()).isEqualTo("{\"name\":\"元旦\",\"dates\":[\"2026-01-04\"]}");
    assertThat(preview.path("unread")).isEmpty();
    // the shipped data is the notice: nothing would change
    assertThat(preview.path("difference")).isEmpty();
    assertThat(loadedYears()).isEqualTo(before);
  }

  @Test
  void previewOfANewYearListsItsDaysAsTheDifferenceAndUnreadLinesWithTheirNumbers() {
    JsonNode preview = post("admin", PREVIEW, HolidayNoticeReaderTest.notice("2027")).json();
    assertThat(preview.path("inForce").asBoolean()).isFalse();
    assertThat(preview.path("difference").get(0).toString()).isEqualTo("{\"date\":\"2027-01-01\","
        + "\"before\":{\"kind\":\"WORKDAY\",\"name\":null},\"after\":{\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}}");
    String wrongWeekday = HolidayNoticeReaderTest.notice("2027").replace("2月14日（周日）", "2月14日（周六）");
    JsonNode unread = post("admin", PREVIEW, wrongWeekday).json().path("unread");
    assertThat(unread).hasSize(1);
    assertThat(unread.get(0).path("line").asInt()).isEqualTo(10);
    assertThat(unread.get(0).path("reason").asText()).contains("2027-02-14", "星期日");
    assertThat(post("admin", APPLY, wrongWeekday).json().path("field").asText()).isEqualTo("notice");
  }

  @Test
  void departmentUsersSupervisorsAndAnonymousCanNeitherPreviewNorApply() {
    int before = loadedYears();
    byte[] notice = HolidayNoticeReaderTest.notice("2027").getBytes(StandardCharsets.UTF_8);
    for (String path : List.of(PREVIEW, APPLY, APPLY + "?amend=true")) {
      for (String user : List.of("rsj-applicant", "gaj-head", "supervisor", "operator")) {
        assertThat(post(ApiClient.as(port, user), path, notice).status()).as(user + " " + path).isEqualTo(403);
      }
      assertThat(post(ApiClient.anonymous(port), path, notice).status()).as("anonymous " + path).isEqualTo(401);
    }
    assertThat(loadedYears()).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_calendar_year WHERE notice_year = 2027", Integer.class))
        .isZero();
  }

  @Test
  void badInputIsA400NamingTheFieldAndWritesNothing() {
    int before = loadedYears();
    ApiClient admin = ApiClient.as(port, "admin");
    for (String path : List.of(PREVIEW, APPLY)) {
      assertThat(field(post(admin, path, new byte[0]))).isEqualTo("notice");
      assertThat(field(post("admin", path, "一、元旦：1月1日放假，与周末连休。"))).isEqualTo("year");
      assertThat(field(post("admin", path, "国务院办公厅关于2027年部分节假日安排的通知\n" + "通".repeat(30_000))))
          .isEqualTo("notice");
      assertThat(field(post(admin, path, new byte[] {(byte) 0xC3, (byte) 0x28, 'a'}))).isEqualTo("notice");
      assertThat(field(post("admin", path, "国务院办公厅关于1999年部分节假日安排的通知\n一、元旦：1月1日放假。")))
          .isEqualTo("year");
      assertThat(field(post("admin", path, "国务院办公厅关于2027年部分节假日安排的通知\n各省：现通知如下。")))
          .isEqualTo("notice");
    }
    assertThat(field(post("admin", APPLY + "?amend=perhaps", HolidayNoticeReaderTest.notice("2027"))))
        .isEqualTo("amend");
    // a supplementary notice changes a year that has data; 2035 has none yet
    assertThat(field(post("admin", PREVIEW, LABOUR_DAY_2035))).isEqualTo("year");
    assertThat(loadedYears()).isEqualTo(before);
  }

  @Test
  void applyingToAYearWithDataIsAnAmendmentOnlyWhenAskedAndItsDifferenceIsAudited() {
    ApiClient.Response loaded = post("admin", APPLY, NOTICE_2035);
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    assertThat(loaded.json().path("amendment").asBoolean()).isFalse();
    assertThat(loaded.json().path("days").asInt()).isEqualTo(2);
    assertThat(audit("CALENDAR_NOTICE_LOADED")).contains("《国务院办公厅关于2035年部分节假日安排的通知》国办发明电〔2034〕5号");

    ApiClient.Response refused = post("admin", APPLY, LABOUR_DAY_2035);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().path("field").asText()).isEqualTo("amend");
    assertThat(kind("2035-04-30")).isEqualTo("WORKDAY");

    JsonNode preview = post("admin", PREVIEW, LABOUR_DAY_2035).json();
    assertThat(preview.path("supplementary").asBoolean()).isTrue();
    assertThat(preview.path("inForce").asBoolean()).isTrue();
    assertThat(preview.path("holidays").toString()).contains("2035-01-01", "2035-04-28", "2035-05-02");
    assertThat(preview.path("difference")).hasSize(6);

    ApiClient.Response amended = post("admin", APPLY + "?amend=true", LABOUR_DAY_2035);
    assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
    assertThat(amended.json().path("amendment").asBoolean()).isTrue();
    assertThat(kind("2035-04-30")).isEqualTo("HOLIDAY");
    assertThat(kind("2035-04-22")).isEqualTo("MAKEUP_WORKDAY");
    assertThat(kind("2035-01-01")).isEqualTo("HOLIDAY");
    assertThat(audit("CALENDAR_YEAR_AMENDED")).contains("国办发明电〔2035〕2号", "2035-04-30 WORKDAY→HOLIDAY劳动节",
        "2035-05-05 WEEKEND→MAKEUP_WORKDAY劳动节");
  }

  @Test
  void thePageAnswersAtCalendarSlashAndTheBareNameRedirectsThere() {
    ApiClient.Response page = ApiClient.anonymous(port).get("/calendar/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("载入节假日通知", "calendar.js");
    ApiClient.Response bare = ApiClient.anonymous(port).get("/calendar");
    assertThat(bare.status()).isEqualTo(302);
    assertThat(bare.header("Location")).endsWith("/calendar/");
  }

  String kind(String date) {
    return ApiClient.as(port, "rsj-applicant").get("/api/calendar/days/" + date).json().path("kind").asText();
  }

  String audit(String action) {
    return jdbc.queryForObject("SELECT detail FROM gs_audit WHERE action = ? AND object_id = '2035' ORDER BY id DESC "
        + "LIMIT 1", String.class, action);
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().path("field").asText();
  }
}
