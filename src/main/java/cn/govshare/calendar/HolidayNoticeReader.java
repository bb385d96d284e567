package cn.govshare.calendar;

import cn.govshare.calendar.HolidayNotice.Holiday;
import cn.govshare.calendar.HolidayNotice.UnreadLine;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a State Council holiday notice (国务院办公厅关于X年部分节假日安排的通知, and the
 * supplementary notices that change one holiday) as pasted by an administrator. The notices keep a fixed
 * style: numbered items "一、元旦：…", ranges "1月27日至2月2日" or "4月4日（周六）至6日（周一）", "共N天",
 * "1月2日（星期一）补休", "与周末连休", "X月X日（星期日）、X月X日（星期六）上班". A line that carries dates
 * but is not in that style, whose weekday annotation disagrees with its date, or whose 共N天 disagrees
 * with its range is reported as unread and contributes no day: the reader never guesses.
 */
final class HolidayNoticeReader {

  private static final String DATE = "(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?";
  private static final String DATE_GROUPLESS = "(?:\\d{4}年)?(?:\\d{1,2}月)?\\d{1,2}日(?:（[^）]*）)?";
  private static final Pattern ANY_DATE = Pattern.compile("\\d{1,2}月\\d{1,2}日");
  private static final Pattern ONE_DATE = Pattern.compile(DATE);
  /** Titles are short; a long line ending so is prose. */
  private static final int TITLE_LENGTH = 120;
  private static final Pattern YEAR = Pattern.compile("(\\d{4})年");
  private static final Pattern SUPPLEMENT_NAME = Pattern.compile(
      "关于(?:调整|延长)?(?:\\d{4}年)?(.+?)(?:假期安排|放假安排|调休放假|放假调休|假期|安排)?的通知$");
  private static final Pattern ISSUE_NUMBER = Pattern.compile("^[\\p{IsHan}]{1,12}〔\\d{4}〕\\d{1,4}号$");
  private static final Pattern SIGNATURE_DATE = Pattern.compile("^\\d{4}年\\d{1,2}月\\d{1,2}日$");
  private static final Pattern ITEM_NUMBER = Pattern.compile("^[一二三四五六七八九十]+、");
  private static final Pattern ITEM_NAMES = Pattern.compile("^([^：，。\\d]{1,60})：(.*)$");

  private static final Pattern DAYS_OFF = Pattern.compile(
      "^(" + DATE_GROUPLESS + ")(?:至(" + DATE_GROUPLESS + "))?(?:全国)?(?:放假调休|调休放假|放假)(?:(\\d+)天)?$");
  private static final Pattern TOTAL = Pattern.compile("^共(\\d+)天$");
  private static final Pattern DAY_IN_LIEU = Pattern.compile("^(" + DATE_GROUPLESS + ")补休$");
  private static final Pattern WORKDAYS = Pattern.compile(
      "^(" + DATE_GROUPLESS + "(?:、" + DATE_GROUPLESS + ")*)上班$");
  private static final Pattern BACK_TO_WORK = Pattern.compile("^(" + DATE_GROUPLESS + ")起正常上班$");
  private static final Pattern EXTENSION = Pattern.compile("^延长(?:\\d{4}年)?(.+?)假期至(" + DATE_GROUPLESS + ")$");
  private static final Pattern EXPLAINED_DAY = Pattern.compile("^(?:其中)?(" + DATE_GROUPLESS + ")为(?:法定节假日|调休)$");
  private static final Set<String> NOTHING_MORE = Set.of("与周末连休", "不调休");
  /** Encouragement to rest (鼓励……在除夕休息) makes no holiday. */
  private static final Pattern ENCOURAGEMENT = Pattern.compile("鼓励|倡导|提倡");
  /** The principles paragraph (how many days each holiday has under the 放假办法) is not a schedule. */
  private static final Pattern PRINCIPLES = Pattern.compile("放假办法|全体公民|原则");
  private static final Pattern WEEKDAY = Pattern.compile("^(?:星期|周)([一二三四五六日天])$");
  private static final String WEEKDAYS = "一二三四五六日";

  private HolidayNoticeReader() {
  }

  static HolidayNotice read(String text) {
    List<String> lines = text.lines().map(HolidayNoticeReader::normalize).toList();
    String title = lines.stream().filter(HolidayNoticeReader::isTitle).findFirst().orElse(null);
    boolean supplementary = title != null && !title.contains("部分节假日安排");
    String issueNumber = lines.stream().filter(l -> ISSUE_NUMBER.matcher(l).matches()).findFirst().orElse(null);
    Integer year = year(title, lines);
    String titleName = null;
    if (supplementary) {
      Matcher name = SUPPLEMENT_NAME.matcher(title);
      titleName = name.find() ? name.group(1) : null;
    }
    Map<String, Holiday> holidays = new LinkedHashMap<>();
    List<UnreadLine> unread = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (year == null || line.isEmpty() || line.equals(title) || line.equals(issueNumber)
          || SIGNATURE_DATE.matcher(line).matches()) {
        continue;
      }
      LineReading reading = new LineReading(year, i + 1);
      reading.read(line, supplementary, titleName);
      if (reading.problem != null) {
        unread.add(new UnreadLine(i + 1, line, reading.problem));
      } else {
        reading.holidays.forEach(h -> holidays.merge(h.name(), h, HolidayNoticeReader::merge));
      }
    }
    return new HolidayNotice(year, title, issueNumber, supplementary, List.copyOf(holidays.values()), unread);
  }

  private static boolean isTitle(String line) {
    return line.length() <= TITLE_LENGTH && line.contains("关于") && line.endsWith("的通知");
  }

  /** The year in the title; otherwise the first year the text names outside its date of issue. */
  private static Integer year(String title, List<String> lines) {
    if (title != null) {
      Matcher inTitle = YEAR.matcher(title);
      if (inTitle.find()) {
        return Integer.valueOf(inTitle.group(1));
      }
    }
    for (String line : lines) {
      Matcher named = YEAR.matcher(line);
      if (!SIGNATURE_DATE.matcher(line).matches() && named.find()) {
        return Integer.valueOf(named.group(1));
      }
    }
    return null;
  }

  private static Holiday merge(Holiday a, Holiday b) {
    Set<LocalDate> days = new LinkedHashSet<>(a.days());
    days.addAll(b.days());
    Set<LocalDate> workdays = new LinkedHashSet<>(a.workdays());
    workdays.addAll(b.workdays());
    return new Holiday(a.name(), a.line(), List.copyOf(days), List.copyOf(workdays),
        b.extendedTo() != null ? b.extendedTo() : a.extendedTo());
  }

  /** Pasted text: full-width digits and punctuation as the notices print them, no spaces. */
  static String normalize(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (char c : line.toCharArray()) {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
        continue;
      }
      out.append(switch (c) {
        case '(' -> '（';
        case ')' -> '）';
        case ':' -> '：';
        case ',' -> '，';
        case ';' -> '；';
        case '[', '【' -> '〔';
        case ']', '】' -> '〕';
        default -> c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c;
      });
    }
    return out.toString();
  }

  /** Reads one line; any problem makes the whole line unread. */
  private static final class LineReading {
    final int noticeYear;
    final int number;
    final List<Holiday> holidays = new ArrayList<>();
    String problem;
    String name;
    int year;
    Integer month;
    LocalDate lastStart;
    LocalDate lastEnd;

    LineReading(int noticeYear, int number) {
      this.noticeYear = noticeYear;
      this.number = number;
      this.year = noticeYear;
    }

    void read(String line, boolean supplementary, String titleName) {
      Matcher item = ITEM_NUMBER.matcher(line);
      boolean numbered = item.find();
      String body = numbered ? line.substring(item.end()) : line;
      Matcher names = ITEM_NAMES.matcher(body);
      if (numbered && names.matches()) {
        name = names.group(1);
        body = names.group(2);
      } else if (supplementary && ANY_DATE.matcher(body).find()) {
        name = titleName;
      } else {
        if (!PRINCIPLES.matcher(body).find() && looksLikeSchedule(body)) {
          problem = "带日期的放假安排不在编号条目（如“一、元旦：”）中，未读取";
        }
        return;
      }
      for (String sentence : body.split("[。；]")) {
        if (problem != null) {
          return;
        }
        if (!sentence.isEmpty() && !ENCOURAGEMENT.matcher(sentence).find() && !PRINCIPLES.matcher(sentence).find()) {
          for (String clause : clauses(sentence)) {
            if (problem == null) {
              clause(clause);
            }
          }
        }
      }
      if (problem == null && holidays.isEmpty()) {
        problem = "没有读到放假或上班的日期";
      }
    }

    private static boolean looksLikeSchedule(String text) {
      for (String sentence : text.split("[。；]")) {
        if (!ENCOURAGEMENT.matcher(sentence).find() && ANY_DATE.matcher(sentence).find()
            && sentence.matches(".*(放假|补休|上班).*")) {
          return true;
        }
      }
      return false;
    }

    private void clause(String clause) {
      Matcher m;
      if ((m = DAYS_OFF.matcher(clause)).matches()) {
        LocalDate start = date(m.group(1));
        LocalDate end = m.group(2) == null ? start : date(m.group(2));
        if (problem != null) {
          return;
        }
        if (end.isBefore(start)) {
          problem = "日期范围的终点早于起点: " + clause;
          return;
        }
        lastStart = start;
        lastEnd = end;
        List<LocalDate> days = start.datesUntil(end.plusDays(1)).toList();
        add(days, List.of(), null);
        if (m.group(3) != null) {
          total(Integer.parseInt(m.group(3)));
        }
      } else if ((m = TOTAL.matcher(clause)).matches()) {
        if (lastStart == null) {
          problem = "“" + clause + "”前没有放假日期";
        } else {
          total(Integer.parseInt(m.group(1)));
        }
      } else if ((m = DAY_IN_LIEU.matcher(clause)).matches()) {
        LocalDate day = date(m.group(1));
        if (problem == null) {
          add(List.of(day), List.of(), null);
        }
      } else if ((m = WORKDAYS.matcher(clause)).matches()) {
        workdays(m.group(1));
      } else if ((m = EXTENSION.matcher(clause)).matches()) {
        LocalDate end = date(m.group(2));
        if (problem == null) {
          name = m.group(1);
          add(List.of(), List.of(), end);
        }
      } else if ((m = BACK_TO_WORK.matcher(clause)).matches() || (m = EXPLAINED_DAY.matcher(clause)).matches()) {
        // the first day back, or a day of the range named again: nothing new, but its weekday is still checked
        date(m.group(1));
      } else if (!NOTHING_MORE.contains(clause)) {
        problem = "读不懂“" + clause + "”";
      }
    }

    private void workdays(String list) {
      List<LocalDate> days = new ArrayList<>();
      Matcher each = ONE_DATE.matcher(list);
      while (each.find() && problem == null) {
        LocalDate day = date(each.group());
        if (problem == null && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
          problem = day + " 是" + weekday(day) + "，本就是工作日，不能调休上班";
        }
        days.add(day);
      }
      if (problem == null) {
        add(List.of(), days, null);
      }
    }

    private void total(int total) {
      long read = ChronoUnit.DAYS.between(lastStart, lastEnd) + 1;
      if (read != total) {
        problem = "写明共" + total + "天，但 " + lastStart + " 至 " + lastEnd + " 是" + read + "天";
      }
    }

    private void add(List<LocalDate> days, List<LocalDate> workdays, LocalDate extendedTo) {
      if (name == null) {
        problem = "不知道这些日期属于哪个节日";
        return;
      }
      holidays.add(new Holiday(name, number, days, workdays, extendedTo));
    }

    /** One date; year and month carry over from the date before it on the line ("4月4日至6日"). */
    private LocalDate date(String text) {
      Matcher m = ONE_DATE.matcher(text);
      if (!m.matches()) {
        problem = "读不懂日期“" + text + "”";
        return null;
      }
      if (m.group(1) != null) {
        year = Integer.parseInt(m.group(1));
      }
      if (m.group(2) != null) {
        month = Integer.valueOf(m.group(2));
      }
      if (month == null) {
        problem = "日期“" + text + "”没有月份";
        return null;
      }
      LocalDate date;
      try {
        date = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
      } catch (DateTimeException e) {
        problem = "没有这一天: " + text;
        return null;
      }
      if (date.getYear() < noticeYear - 1 || date.getYear() > noticeYear) {
        problem = date + " 不在" + noticeYear + "年的通知范围内";
        return null;
      }
      if (m.group(4) != null) {
        checkWeekday(date, m.group(4));
      }
      return date;
    }

    /** "（星期日）", "（周二）", "（农历除夕、周二）", "（农历正月初九，星期日）": the weekday must be the date's. */
    private void checkWeekday(LocalDate date, String annotation) {
      for (String part : annotation.split("[、，]")) {
        Matcher weekday = WEEKDAY.matcher(part);
        if (weekday.matches()) {
          int written = weekday.group(1).equals("天") ? 7 : WEEKDAYS.indexOf(weekday.group(1)) + 1;
          if (written != date.getDayOfWeek().getValue()) {
            problem = date + " 是" + weekday(date) + "，通知写作“" + part + "”";
          }
        }
      }
    }

    private static String weekday(LocalDate date) {
      return "星期" + WEEKDAYS.charAt(date.getDayOfWeek().getValue() - 1);
    }

    /** Commas inside an annotation "（农历正月初九，星期日）" do not end a clause. */
    private static List<String> clauses(String sentence) {
      List<String> clauses = new ArrayList<>();
      int depth = 0;
      StringBuilder current = new StringBuilder();
      for (char c : sentence.toCharArray()) {
        if (c == '（') {
          depth++;
        } else if (c == '）') {
          depth = Math.max(0, depth - 1);
        }
        if (c == '，' && depth == 0) {
          clauses.add(current.toString());
          current.setLength(0);
        } else {
          current.append(c);
        }
      }
      clauses.add(current.toString());
      return clauses.stream().filter(c -> !c.isEmpty()).toList();
    }
  }
}
