package cn.govshare.statistics;

import cn.govshare.BatchMappers;
import cn.govshare.MySqlFamily;
import cn.govshare.clock.Zones;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSessionFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * R27, hubei 26: counts data calls per day, resource, using and providing department and outcome. Called by the
 * grant check's writer inside the transaction that writes the calls' GRANT_CHECK audit records, so the count and
 * the audit trail agree: both are written, or neither. Calls written together add to each counter row once.
 */
@Service
public class DataCalls {

  /** Counter rows are updated in this order, so two transactions never wait for each other's rows in a cycle. */
  private static final Comparator<DataCallKey> ROW_ORDER = Comparator.comparing(DataCallKey::day)
      .thenComparing(DataCallKey::resourceCode).thenComparing(DataCallKey::userDept)
      .thenComparing(DataCallKey::providerDept).thenComparing(DataCallKey::outcome);

  private final StatisticsMapper mapper;
  private final Clock clock;
  /** MySQL/MariaDB: many counter rows in one INSERT … ON DUPLICATE KEY UPDATE. */
  private final MySqlFamily mysql;

  DataCalls(StatisticsMapper mapper, Clock clock, MySqlFamily mysql) {
    this.mapper = mapper;
    this.clock = clock;
    this.mysql = mysql;
  }

  /** One call, counted on the day (Asia/Shanghai) it is made, written later by {@link #count(Collection)}. */
  public DataCallKey call(String resourceCode, String userDept, String providerDept, DataCallOutcome outcome) {
    return new DataCallKey(LocalDate.now(clock.withZone(Zones.SHANGHAI)), resourceCode, userDept, providerDept,
        outcome);
  }

  public void count(String resourceCode, String userDept, String providerDept, DataCallOutcome outcome) {
    add(call(resourceCode, userDept, providerDept, outcome), 1);
  }

  /**
   * Counts many calls in the current transaction: on MySQL/MariaDB one statement for every counter row they touch,
   * elsewhere one update (or insert) per row. Rows are written in key order, so two writers never deadlock.
   */
  public void count(Collection<DataCallKey> calls) {
    Map<DataCallKey, Long> rows = new TreeMap<>(ROW_ORDER);
    calls.forEach(call -> rows.merge(call, 1L, Long::sum));
    if (rows.size() > 1 && upsert()) {
      mapper.upsertCalls(rows.entrySet().stream().map(row -> new Counted(row.getKey(), row.getValue())).toList());
    } else {
      rows.forEach(this::add);
    }
  }

  /**
   * Whether {@link #batchCountOn} can be used: MySQL/MariaDB, whose upsert adds to a row whoever creates it (two
   * transactions creating it at once can deadlock; the writer then writes its batch again). Elsewhere (the embedded
   * H2) a counter row's first insert can meet another writer's, which {@link #count(Collection)} handles row by row.
   */
  public boolean countsInBatches() {
    return upsert();
  }

  /**
   * {@link #count(Collection)} on other sessions than the application's (the data-call writers' own connections,
   * issue 25), for their transactions, which use MyBatis' batch executor throughout; MySQL/MariaDB only
   * ({@link #countsInBatches()}): one static single-row upsert per counter row, parsed once, which the driver
   * (rewriteBatchedStatements) sends as one multi-row statement. An existing row is locked exclusively at once, in
   * key order, so two writers adding to a busy row queue on it; two writers creating the same row (a key's first
   * call of the day) can deadlock, and the writer then writes the batch again.
   */
  public Consumer<Collection<DataCallKey>> batchCountOn(SqlSessionFactory sessions) {
    StatisticsMapper on = BatchMappers.on(sessions, StatisticsMapper.class);
    return calls -> countBatched(calls, on);
  }

  private void countBatched(Collection<DataCallKey> calls, StatisticsMapper on) {
    if (!upsert()) {
      throw new IllegalStateException("counters in batches need MySQL/MariaDB's upsert");
    }
    Map<DataCallKey, Long> rows = new TreeMap<>(ROW_ORDER);
    calls.forEach(call -> rows.merge(call, 1L, Long::sum));
    rows.forEach((key, n) -> on.upsertOne(key, n));
  }

  private boolean upsert() {
    return mysql.test();
  }

  private void add(DataCallKey key, long calls) {
    if (mapper.incrementCalls(key, calls) == 0) {
      try {
        mapper.insertCalls(key, calls);
      } catch (DuplicateKeyException e) {
        // another node counted the first call of this key meanwhile: add ours to its row
        mapper.incrementCalls(key, calls);
      }
    }
  }

  /** Calls to add to one counter row. */
  record Counted(DataCallKey k, long calls) {
  }

  /** One counter row: the day (Asia/Shanghai) and what the calls had in common. */
  public record DataCallKey(LocalDate day, String resourceCode, String userDept, String providerDept,
      DataCallOutcome outcome) {
  }
}
