package cn.govshare.clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the one clock for demos and acceptance checks (SPEC §7). Exists only with
 * {@code govshare.clock.adjustable=true}; administrators only. The clock keeps ticking from the time
 * set; timers due by then fire at the job executor's next acquisition, which is woken at once.
 */
@Tag(name = "演示时钟", description = "演示和测试环境调整平台时钟（govshare.clock.adjustable=true 时才有）")
@RestController
@ConditionalOnProperty(name = "govshare.clock.adjustable", havingValue = "true")
class ClockAdminController {

  private final Clock clock;
  private final ProcessEngine engine;
  private final ApplicationEventPublisher events;

  ClockAdminController(Clock clock, ProcessEngine engine, ApplicationEventPublisher events) {
    this.clock = clock;
    this.engine = engine;
    this.events = events;
  }

  record ClockSetting(OffsetDateTime now) {
  }

  record ClockState(OffsetDateTime now, boolean adjusted) {
  }

  @Operation(operationId = "getClock", summary = "查看平台时钟")
  @GetMapping("/api/admin/clock")
  ClockState get(Caller caller) {
    requireAdmin(caller);
    return state();
  }

  @Operation(operationId = "setClock", summary = "调整平台时钟")
  @PutMapping("/api/admin/clock")
  ClockState set(Caller caller, @RequestBody ClockSetting setting) {
    requireAdmin(caller);
    if (setting.now() == null) {
      throw ApiException.badRequest("now", "缺少 now (ISO 时间, 如 2025-10-17T00:01:00+08:00)");
    }
    int year = setting.now().getYear();
    if (year < 2000 || year > 2099) {
      throw ApiException.badRequest("now", "now 须在 2000–2099 年之间（工作日历的范围）");
    }
    Instant previous = clock.instant();
    ClockUtil.offset(setting.now().toInstant().toEpochMilli() - System.currentTimeMillis());
    wakeJobExecutor();
    events.publishEvent(new ClockMoved(caller.userId(), ClockMoved.SET, previous + " -> " + setting.now()));
    return state();
  }

  @Operation(operationId = "resetClock", summary = "恢复真实时间")
  @DeleteMapping("/api/admin/clock")
  ClockState reset(Caller caller) {
    requireAdmin(caller);
    ClockUtil.reset();
    events.publishEvent(new ClockMoved(caller.userId(), ClockMoved.RESET, "real time"));
    return state();
  }

  private ClockState state() {
    Instant now = clock.instant();
    return new ClockState(OffsetDateTime.ofInstant(now, Zones.SHANGHAI),
        Math.abs(now.toEpochMilli() - System.currentTimeMillis()) > 1000);
  }

  private void wakeJobExecutor() {
    var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (jobExecutor != null && jobExecutor.isActive()) {
      jobExecutor.jobWasAdded();
    }
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw ApiException.forbidden("只有系统管理员可以调整时钟");
    }
  }
}
