package cn.govshare.calendar;

import java.util.Set;

/** Published after holiday data changed (a year loaded, a day corrected), so open deadlines can be recomputed. */
public record CalendarChanged(Set<Integer> years) {

  public CalendarChanged {
    years = Set.copyOf(years);
  }
}
