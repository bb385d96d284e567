package cn.govshare.deadline;

import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.clock.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The API of the deadline ledger for other features (share requests, corrections, disputes). */
@Service
public class Deadlines {

  private final DeadlineMapper mapper;
  private final ObjectProvider<DeadlineLedger> ledger;
  private final WorkingCalendar calendar;

  Deadlines(DeadlineMapper mapper, ObjectProvider<DeadlineLedger> ledger, WorkingCalendar calendar) {
    this.mapper = mapper;
    this.ledger = ledger;
    this.calendar = calendar;
  }

  /** The due instant of a timed sub-process's open period, for the tasks inside it to show; empty when none. */
  public Optional<Instant> periodDue(String processInstanceId, String subProcessId) {
    return Optional.ofNullable(ledger.getObject().openScopeDue(processInstanceId, subProcessId));
  }

  /**
   * The case moved the period of a running timed sub-process (an approved extension): the ledger re-reads it
   * through {@link DeadlinePeriods} and moves the due date and timers. Call inside an engine command.
   */
  public void periodChanged(String processInstanceId, String subProcessId, String reason) {
    ledger.getObject().refreshScope(processInstanceId, subProcessId, reason);
  }

  /**
   * Ledger rows in {@code states} (all when empty) of {@code department} (all when null) whose period started on a
   * day in [{@code from}, {@code to}] (Asia/Shanghai; open ends when null), soonest due first, at most {@code limit}.
   */
  public List<DeadlineRow> search(Set<String> states, String department, LocalDate from, LocalDate to, int limit) {
    Instant startedFrom = from == null ? null : from.atStartOfDay(Zones.SHANGHAI).toInstant();
    Instant startedBefore = to == null ? null : to.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant();
    return mapper.page(states, department, null, startedFrom, startedBefore, 0, limit).stream().map(DeadlineRow::of)
        .toList();
  }

  /** Every deadline of one process instance, oldest first, whatever its state. */
  public List<DeadlineView> forProcessInstance(String processInstanceId) {
    List<DeadlineRecord> records = mapper.findByProcessInstance(processInstanceId);
    if (records.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Urge>> urges = mapper.urgesOf(records.stream().map(DeadlineRecord::id).toList()).stream()
        .collect(Collectors.groupingBy(Urge::deadlineId));
    return records.stream().map(r -> DeadlineView.of(r, calendar, urges.getOrDefault(r.id(), List.of()))).toList();
  }
}
