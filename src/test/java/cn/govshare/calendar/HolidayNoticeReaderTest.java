package cn.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.calendar.HolidayNotice.UnreadLine;
import cn.govshare.calendar.HolidayNotice.Year;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The notice reader against the shipped data (the project's copy of cn-holidays.json), day for day.
 * calendar/notices/2017.txt and 2026.txt are the texts as published; the other years are written in the
 * same style from the published schedules (2027 is an example: its notice is not out yet).
 */
class HolidayNoticeReaderTest {

  static final List<OfficialDay> SHIPPED = OfficialData.shipped();

  static String notice(String name) {
    try (InputStream in = HolidayNoticeReaderTest.class.getResourceAsStream("/calendar/notices/" + name + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** date → "HOLIDAY 春节" for every day a notice year lists. */
  static Map<LocalDate, String> days(Year year) {
    return days(year.days());
  }

  static Map<LocalDate, String> days(List<OfficialDay> listed) {
    Map<LocalDate, String> days = new TreeMap<>();
    listed.forEach(d -> days.put(d.date(), d.kind() + " " + d.name()));
    return days;
  }

  static Map<LocalDate, String> shipped(int year) {
    return days(SHIPPED.stream().filter(d -> d.noticeYear() == year).toList());
  }

  @ParameterizedTest
  @ValueSource(ints = {2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026})
  void noticeOfEachYearReproducesTheOfficialDataDayForDay(int year) {
    HolidayNotice notice = HolidayNoticeReader.read(notice(String.valueOf(year)));
    assertThat(notice.unread()).isEmpty();
    assertThat(notice.year()).isEqualTo(year);
    assertThat(notice.supplementary()).isFalse();
    assertThat(notice.title()).isEqualTo("国务院办公厅关于" + year + "年部分节假日安排的通知");
    Map<LocalDate, String> read = days(notice.yearAfter(List.of()));
    List<Integer> amended = List.of(2015, 2019, 2020);
    if (!amended.contains(year)) {
      assertThat(read).isEqualTo(shipped(year));
    }
  }

  @Test
  void publishedNoticesOf2017And2026AreReadWithTheirIssueNumberAndNoUnreadLine() {
    HolidayNotice n2017 = HolidayNoticeReader.read(notice("2017"));
    assertThat(n2017.issueNumber()).isEqualTo("国办发明电〔2016〕17号");
    assertThat(days(n2017.yearAfter(List.of()))).isEqualTo(shipped(2017)).hasSize(29);
    HolidayNotice n2026 = HolidayNoticeReader.read(notice("2026"));
    assertThat(n2026.issueNumber()).isNull();
    assertThat(n2026.unread()).isEmpty();
    assertThat(days(n2026.yearAfter(List.of()))).isEqualTo(shipped(2026));
  }

  @Test
  void supplementaryNoticesAmendTheYearTheyName() {
    // 2015: the 70th anniversary of the victory added 9-3..9-5 off and Sunday 9-6 worked
    assertThat(amended("2015", "2015-commemoration")).isEqualTo(shipped(2015));
    // 2019: Labour Day changed from 5-1 alone to 5-1..5-4, Sundays 4-28 and 5-5 worked
    assertThat(amended("2019", "2019-labour-day")).isEqualTo(shipped(2019));
    // 2020: the Spring Festival extended to 2-2, so Saturday 2-1 is no longer worked
    assertThat(amended("2020", "2020-spring-festival-extension")).isEqualTo(shipped(2020));
    assertThat(shipped(2020)).containsEntry(LocalDate.of(2020, 2, 1), "HOLIDAY 春节")
        .doesNotContainKey(LocalDate.of(2020, 2, 3));
  }

  @Test
  void supplementaryNoticeNamesYearHolidayAndIssueNumber() {
    HolidayNotice extension = HolidayNoticeReader.read(notice("2020-spring-festival-extension"));
    assertThat(extension.supplementary()).isTrue();
    assertThat(extension.year()).isEqualTo(2020);
    assertThat(extension.issueNumber()).isEqualTo("国办发明电〔2020〕1号");
    assertThat(extension.holidays()).singleElement().satisfies(h -> {
      assertThat(h.name()).isEqualTo("春节");
      assertThat(h.extendedTo()).isEqualTo(LocalDate.of(2020, 2, 2));
    });
    HolidayNotice commemoration = HolidayNoticeReader.read(notice("2015-commemoration"));
    assertThat(commemoration.year()).isEqualTo(2015);
    assertThat(commemoration.holidays()).singleElement().extracting(HolidayNotice.Holiday::name)
        .isEqualTo("抗日战争暨世界反法西斯战争胜利70周年纪念日");
    // an extension of a holiday the year does not have is reported, not guessed
    assertThat(extension.unreadAgainst(List.of())).singleElement().extracting(UnreadLine::line).isEqualTo(8);
  }

  @Test
  void rangesWithinAndAcrossMonthsCarryTheMonthOver() {
    Map<LocalDate, String> days = read("一、春节：1月27日至2月2日放假调休，共7天。",
        "二、端午节：5月31日（周六）至6月2日（周一）放假，共3天。", "三、清明节：4月4日（周五）至6日（周日）放假，共3天。");
    assertThat(days).containsKeys(LocalDate.of(2025, 1, 27), LocalDate.of(2025, 2, 2), LocalDate.of(2025, 5, 31),
        LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 2), LocalDate.of(2025, 4, 4), LocalDate.of(2025, 4, 6))
        .hasSize(13);
  }

  @Test
  void singleDaysInLieuAndWeekendsThatOnlyJoinTheHoliday() {
    Map<LocalDate, String> days = read("一、元旦：1月1日（周三）放假1天，不调休。", "四、劳动节：5月1日放假，与周末连休。");
    assertThat(days).containsOnlyKeys(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 5, 1));
    // 2017: Sunday 1-1 off, Monday 1-2 off in lieu
    assertThat(days(HolidayNoticeReader.read(notice("2017")).yearAfter(List.of())))
        .containsEntry(LocalDate.of(2017, 1, 2), "HOLIDAY 元旦");
  }

  @Test
  void makeupWorkdaysBelongToTheHolidayOfTheirSentenceAndCombinedHolidaysKeepTheirJointName() {
    Map<LocalDate, String> days = days(HolidayNoticeReader.read(notice("2017")).yearAfter(List.of()));
    assertThat(days).containsEntry(LocalDate.of(2017, 1, 22), "MAKEUP_WORKDAY 春节")
        .containsEntry(LocalDate.of(2017, 2, 4), "MAKEUP_WORKDAY 春节")
        .containsEntry(LocalDate.of(2017, 10, 8), "HOLIDAY 中秋节、国庆节")
        .containsEntry(LocalDate.of(2017, 9, 30), "MAKEUP_WORKDAY 中秋节、国庆节");
  }

  @Test
  void encouragementToRestOnNewYearsEveAndThePrinciplesParagraphMakeNoHoliday() {
    assertThat(days(HolidayNoticeReader.read(notice("2024")).yearAfter(List.of())))
        .doesNotContainKey(LocalDate.of(2024, 2, 9));
    HolidayNotice n2025 = HolidayNoticeReader.read(notice("2025"));
    assertThat(n2025.unread()).isEmpty();
    // the principles name 5-2 and 10-1..10-3 as statutory days; the schedule is what counts
    assertThat(days(n2025.yearAfter(List.of()))).containsEntry(LocalDate.of(2025, 10, 8), "HOLIDAY 国庆节、中秋节");
  }

  @Test
  void aWrongWeekdayMakesTheLineUnreadInsteadOfAGuess() {
    HolidayNotice notice = HolidayNoticeReader.read(text(
        "二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周三）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。",
        "三、清明节：4月4日（周五）至6日（周日）放假，共3天。",
        "四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（星期六）上班。"));
    assertThat(notice.unread()).extracting(UnreadLine::line).containsExactly(5, 9);
    assertThat(notice.unread().get(0).reason()).contains("2025-02-04", "星期二", "周三");
    assertThat(notice.unread().get(1).reason()).contains("2025-04-27", "星期日");
    assertThat(days(notice.yearAfter(List.of()))).containsOnlyKeys(LocalDate.of(2025, 4, 4), LocalDate.of(2025, 4, 5),
        LocalDate.of(2025, 4, 6));
  }

  @Test
  void aTotalThatDisagreesWithTheRangeIsReported() {
    HolidayNotice notice = HolidayNoticeReader.read(text("七、国庆节：10月1日至7日放假调休，共8天。9月28日（星期日）上班。"));
    assertThat(notice.unread()).singleElement().satisfies(line -> {
      assertThat(line.line()).isEqualTo(5);
      assertThat(line.reason()).contains("共8天", "7天");
    });
    assertThat(notice.holidays()).isEmpty();
  }

  @Test
  void aMakeupWorkdayOnAWeekdayOrAScheduleOutsideTheNumberedItemsIsReported() {
    HolidayNotice notice = HolidayNoticeReader.read(text("二、春节：1月28日至2月4日放假调休，共8天。2月5日（星期三）上班。",
        "劳动节：5月1日至5日放假调休，共5天。", "六、中秋节：中秋当日放假。"));
    assertThat(notice.unread()).extracting(UnreadLine::line).containsExactly(5, 7, 9);
  }

  @Test
  void textWithoutAYearIsNotRead() {
    HolidayNotice notice = HolidayNoticeReader.read("一、元旦：1月1日放假。");
    assertThat(notice.year()).isNull();
    assertThat(notice.holidays()).isEmpty();
  }

  @Test
  void pastedTextWithSpacesHalfWidthPunctuationAndFullWidthDigitsIsRead() {
    HolidayNotice notice = HolidayNoticeReader.read("国务院办公厅关于２０２５年部分节假日安排的通知\n"
        + "  一、元旦: 1月1日(周三)放假1天, 不调休。\r\n");
    assertThat(notice.unread()).isEmpty();
    assertThat(days(notice.yearAfter(List.of()))).containsOnlyKeys(LocalDate.of(2025, 1, 1));
  }

  static String text(String... items) {
    List<String> lines = new ArrayList<>(List.of("国务院办公厅关于2025年部分节假日安排的通知", "",
        "经国务院批准，现将2025年元旦、春节等放假调休日期的具体安排通知如下。", ""));
    for (String item : items) {
      lines.add(item);
      lines.add("");
    }
    return String.join("\n", lines);
  }

  static Map<LocalDate, String> read(String... items) {
    HolidayNotice notice = HolidayNoticeReader.read(text(items));
    assertThat(notice.unread()).isEmpty();
    return days(notice.yearAfter(List.of()));
  }

  static Map<LocalDate, String> amended(String original, String supplement) {
    List<OfficialDay> base = HolidayNoticeReader.read(notice(original)).yearAfter(List.of()).days();
    HolidayNotice amendment = HolidayNoticeReader.read(notice(supplement));
    assertThat(amendment.unreadAgainst(base)).isEmpty();
    return days(amendment.yearAfter(base));
  }
}
