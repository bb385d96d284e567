package cn.govshare.statistics;

import cn.govshare.clock.Zones;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * R27, hubei 26: counts data calls per day, resource, using and providing department and outcome. Called by the
 * grant check inside the transaction that writes its GRANT_CHECK audit record, so the count and the audit trail
 * agree: both are written, or neither.
 */
@Service
public class DataCalls {

  private final StatisticsMapper mapper;
  private final Clock clock;

  DataCalls(StatisticsMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public void count(String resourceCode, String userDept, String providerDept, DataCallOutcome outcome) {
    DataCallKey key = new DataCallKey(LocalDate.now(clock.withZone(Zones.SHANGHAI)), resourceCode, userDept,
        providerDept, outcome);
    if (mapper.incrementCalls(key) == 0) {
      try {
        mapper.insertCalls(key);
      } catch (DuplicateKeyException e) {
        // another node counted the first call of this key meanwhile: add ours to its row
        mapper.incrementCalls(key);
      }
    }
  }

  /** One counter row: the day (Asia/Shanghai) and what the calls had in common. */
  record DataCallKey(LocalDate day, String resourceCode, String userDept, String providerDept,
      DataCallOutcome outcome) {
  }
}
