package cn.govshare.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the in-memory calendar equal to the shipped data plus what administrators stored: at start,
 * after a change on this node, and within seconds of a change on another node (version row polled).
 */
@Component
class CalendarSync implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarSync.class);

  private final WorkingCalendar calendar;
  private final CalendarMapper mapper;
  private final List<OfficialDay> shipped = OfficialData.shipped();
  private volatile long loadedVersion = -1;

  CalendarSync(WorkingCalendar calendar, CalendarMapper mapper) {
    this.calendar = calendar;
    this.mapper = mapper;
  }

  @Override
  public void afterSingletonsInstantiated() {
    reload();
  }

  /** Another node changed the data: reload. The deadline recomputation runs on the node that made the change. */
  @Scheduled(fixedDelayString = "${govshare.calendar.poll-millis:5000}")
  void poll() {
    try {
      if (mapper.version() != loadedVersion) {
        reload();
      }
    } catch (RuntimeException e) {
      LOG.warn("calendar version check failed: {}", e.getMessage());
    }
  }

  synchronized void reload() {
    long version = mapper.version();
    Set<Integer> imported = new TreeSet<>(mapper.importedYears());
    List<OfficialDay> days = new ArrayList<>(shipped.stream().filter(d -> !imported.contains(d.noticeYear())).toList());
    days.addAll(mapper.importedDays());
    Set<Integer> covered = shipped.stream().map(OfficialDay::noticeYear).collect(Collectors.toCollection(TreeSet::new));
    covered.addAll(imported);
    for (CalendarOverride override : mapper.overrides()) {
      days.removeIf(d -> d.date().equals(override.day()));
      if (override.kind() == DayKind.HOLIDAY || override.kind() == DayKind.MAKEUP_WORKDAY) {
        days.add(new OfficialDay(override.day().getYear(), override.day(), override.kind(), override.name()));
      }
    }
    calendar.replace(days, covered);
    loadedVersion = version;
  }

  List<OfficialDay> shipped() {
    return shipped;
  }
}
