package cn.govshare.deadline;

import cn.govshare.calendar.CalendarChanged;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.govshare.clock.Zones;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Calendar data for some years changed (a year loaded after deadlines were computed on the weekends-only
 * fallback, or days corrected): every OPEN deadline whose counting period touches those years is
 * recomputed, one engine command each, so its due date, follow-up date and timers move together.
 */
@Component
class DeadlineRecomputation {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineRecomputation.class);

  private final DeadlineMapper mapper;
  private final DeadlineLedger ledger;
  private final ProcessEngine engine;

  DeadlineRecomputation(DeadlineMapper mapper, DeadlineLedger ledger, ProcessEngine engine) {
    this.mapper = mapper;
    this.ledger = ledger;
    this.engine = engine;
  }

  /** SPEC §3: when holiday data changes (e.g. next year loaded after fallback), open deadlines move. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void calendarChanged(CalendarChanged event) {
    recompute(event.years());
  }

  /** Returns how many deadlines moved. */
  int recompute(Set<Integer> years) {
    if (years.isEmpty()) {
      return 0;
    }
    TreeSet<Integer> sorted = new TreeSet<>(years);
    // a notice may list late-December days of the previous year: start the window a month early
    LocalDate from = LocalDate.of(sorted.first() - 1, 12, 1);
    var to = LocalDate.of(sorted.last() + 1, 1, 1).atStartOfDay(Zones.SHANGHAI).toInstant();
    String reason = "工作日历变更 (年份 " + sorted + ")，按新日历重新计算";
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    int moved = 0;
    for (long id : mapper.openOverlapping(from, to)) {
      if (commands.execute(context -> ledger.recompute(context, id, reason))) {
        moved++;
      }
    }
    LOG.info("calendar changed for {}: {} open deadlines moved", sorted, moved);
    return moved;
  }
}
