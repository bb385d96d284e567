package cn.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@GovShareTest
class CalendarApiTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  @Test
  void dayShowsHolidayNameAndMakeupWorkday() {
    JsonNode holiday = as("rsj-applicant").get("/api/calendar/days/2025-10-01").json();
    assertThat(holiday.path("kind").asText()).isEqualTo("HOLIDAY");
    assertThat(holiday.path("name").asText()).isEqualTo("国庆节、中秋节");
    assertThat(holiday.path("workingDay").asBoolean()).isFalse();
    JsonNode makeup = as("rsj-applicant").get("/api/calendar/days/2025-09-28").json();
    assertThat(makeup.path("kind").asText()).isEqualTo("MAKEUP_WORKDAY");
    assertThat(makeup.path("workingDay").asBoolean()).isTrue();
  }

  @Test
  void dueEndsAtMidnightAfterTheTenthWorkingDay() {
    JsonNode due = as("rsj-applicant")
        .get("/api/calendar/due?start=2025-09-26T10:00:00%2B08:00&workingDays=10").json();
    assertThat(due.path("dueDate").asText()).isEqualTo("2025-10-16");
    assertThat(due.path("dueAt").asText()).isEqualTo("2025-10-17T00:00:00+08:00");
    assertThat(due.path("fallback").asBoolean()).isFalse();
  }

  @Test
  void badParametersAreNamed() {
    assertThat(field(as("rsj-applicant").get("/api/calendar/days/2025-13-01"))).isEqualTo("date");
    assertThat(field(as("rsj-applicant").get("/api/calendar/days/1850-01-01"))).isEqualTo("date");
    assertThat(field(as("rsj-applicant").get("/api/calendar/due?start=yesterday&workingDays=3"))).isEqualTo("start");
    assertThat(field(as("rsj-applicant").get("/api/calendar/due?start=2025-09-26T10:00:00&workingDays=3")))
        .isEqualTo("start");
    assertThat(field(as("rsj-applicant").get("/api/calendar/due?start=2025-09-26T10:00:00Z&workingDays=-1")))
        .isEqualTo("workingDays");
    assertThat(field(as("rsj-applicant").get("/api/calendar/due?start=2025-09-26T10:00:00Z&workingDays=99999999")))
        .isEqualTo("workingDays");
    assertThat(field(as("rsj-applicant").get("/api/calendar/due?start=2025-09-26T10:00:00Z&workingDays=x")))
        .isEqualTo("workingDays");
    assertThat(field(as("rsj-applicant").get("/api/calendar/due?start=2025-09-26T10:00:00Z"))).isEqualTo("workingDays");
  }

  @Test
  void yearWithoutDataFallsBackToWeekendsAndSaysSo() {
    JsonNode due = as("rsj-applicant").get("/api/calendar/due?start=2031-03-07T10:00:00%2B08:00&workingDays=1").json();
    assertThat(due.path("fallback").asBoolean()).isTrue();
    assertThat(due.path("dueDate").asText()).isEqualTo("2031-03-10");
    JsonNode years = as("rsj-applicant").get("/api/calendar/years").json();
    assertThat(years.path("official").toString()).contains("2015", "2026").doesNotContain("2031");
  }

  @Test
  void administratorCorrectsADayAndRevertsIt() {
    Map<String, String> holiday = Map.of("kind", "HOLIDAY", "name", "临时休假", "reason", "市政府临时通知");
    assertThat(as("operator").put("/api/calendar/days/2030-05-06", holiday).status()).isEqualTo(403);
    ApiClient.Response corrected = as("admin").put("/api/calendar/days/2030-05-06", holiday);
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
    assertThat(as("rsj-applicant").get("/api/calendar/days/2030-05-06").json().path("kind").asText())
        .isEqualTo("HOLIDAY");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_calendar_change WHERE target = '2030-05-06'",
        Integer.class)).isEqualTo(1);

    assertThat(as("admin").delete("/api/calendar/days/2030-05-06").status()).isEqualTo(200);
    assertThat(as("rsj-applicant").get("/api/calendar/days/2030-05-06").json().path("kind").asText())
        .isEqualTo("WORKDAY");
  }

  @Test
  void invalidCorrectionIsRefusedAndWritesNothing() {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM gs_calendar_override", Integer.class);
    ApiClient.Response monday = as("admin").put("/api/calendar/days/2030-05-13",
        Map.of("kind", "MAKEUP_WORKDAY", "name", "x", "reason", "错误示例"));
    assertThat(field(monday)).isEqualTo("kind");
    assertThat(field(as("admin").put("/api/calendar/days/2030-05-13", Map.of("kind", "HOLIDAY", "name", "x"))))
        .isEqualTo("reason");
    assertThat(field(as("admin").put("/api/calendar/days/2030-05-13", Map.of("kind", "PARTY", "reason", "x"))))
        .isEqualTo("kind");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_calendar_override", Integer.class)).isEqualTo(before);
  }

  @Test
  void administratorLoadsANewYearAndItStopsBeingFallback() {
    Map<String, Object> year = Map.of(
        "holidays", List.of(Map.of("name", "元旦", "dates", List.of("2030-01-01")),
            Map.of("name", "春节", "dates", List.of("2030-02-04", "2030-02-05", "2030-02-06"))),
        "workdays", List.of(Map.of("name", "春节", "dates", List.of("2030-02-09"))),
        "reason", "国务院办公厅关于2030年部分节假日安排的通知");
    assertThat(as("rsj-applicant").put("/api/calendar/years/2030", year).status()).isEqualTo(403);
    ApiClient.Response loaded = as("admin").put("/api/calendar/years/2030", year);
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    assertThat(as("rsj-applicant").get("/api/calendar/days/2030-02-09").json().path("kind").asText())
        .isEqualTo("MAKEUP_WORKDAY");
    assertThat(as("rsj-applicant").get("/api/calendar/days/2030-03-04").json().path("fallback").asBoolean())
        .isFalse();
    assertThat(as("rsj-applicant").get("/api/calendar/years").json().path("official").toString()).contains("2030");
  }

  @Test
  void invalidYearIsRefusedWhole() {
    Map<String, Object> bad = Map.of(
        "holidays", List.of(Map.of("name", "元旦", "dates", List.of("2029-01-01"))),
        "workdays", List.of(Map.of("name", "春节", "dates", List.of("2029-02-05"))));
    ApiClient.Response response = as("admin").put("/api/calendar/years/2029", bad);
    assertThat(field(response)).isEqualTo("workdays[0].dates");
    Map<String, Object> outOfYear = Map.of("holidays", List.of(Map.of("name", "元旦", "dates", List.of("2027-06-01"))),
        "workdays", List.of());
    assertThat(field(as("admin").put("/api/calendar/years/2029", outOfYear))).isEqualTo("holidays[0].dates");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_calendar_year WHERE notice_year = 2029", Integer.class))
        .isZero();
    assertThat(field(as("admin").put("/api/calendar/years/1999", outOfYear))).isEqualTo("year");
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().path("field").asText();
  }
}
