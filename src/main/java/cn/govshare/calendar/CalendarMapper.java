package cn.govshare.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CalendarMapper {

  long version();

  long lockVersion();

  void bumpVersion();

  List<Integer> importedYears();

  List<OfficialDay> importedDays();

  List<CalendarOverride> overrides();

  CalendarOverride findOverride(LocalDate day);

  void deleteOverride(LocalDate day);

  void insertOverride(CalendarOverride override);

  void deleteYear(int noticeYear);

  void deleteYearDays(int noticeYear);

  void insertYear(@Param("noticeYear") int noticeYear, @Param("by") String by, @Param("at") Instant at,
      @Param("reason") String reason);

  void insertYearDay(OfficialDay day);

  void insertChange(@Param("at") Instant at, @Param("by") String by, @Param("action") String action,
      @Param("target") String target, @Param("reason") String reason, @Param("before") String before,
      @Param("after") String after);
}
