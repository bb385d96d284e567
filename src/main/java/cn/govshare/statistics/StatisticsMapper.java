package cn.govshare.statistics;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface StatisticsMapper {

  int incrementCalls(@Param("k") DataCalls.DataCallKey key, @Param("calls") long calls);

  void insertCalls(@Param("k") DataCalls.DataCallKey key, @Param("calls") long calls);

  /** MySQL/MariaDB only: adds to many counter rows, creating those that are new, in one statement. */
  /** MySQL/MariaDB only: one counter row added to or created (batched by the data-call writer). */
  void upsertOne(@Param("k") DataCalls.DataCallKey key, @Param("calls") long calls);

  void upsertCalls(@Param("rows") List<DataCalls.Counted> rows);

  /** {@code from}..{@code to} inclusive; null filters match everything. */
  List<DailyCalls> findCalls(@Param("from") LocalDate from, @Param("to") LocalDate to,
      @Param("dept") String dept, @Param("provider") String provider, @Param("resource") String resource);

  void insertProbe(@Param("p") Probe probe);

  /** The probes of a resource in [from, to), and the last one before {@code from} (the state the window opens in). */
  List<Probe> findProbes(@Param("resource") String resource, @Param("from") Instant from, @Param("to") Instant to);

  void insertOutage(@Param("o") Outage outage, @Param("key") GeneratedKey key);

  List<Outage> findOutages(@Param("resource") String resource, @Param("from") Instant from, @Param("to") Instant to);

  /** Every resource that has probes or outages overlapping [from, to). */
  List<String> observedResources(@Param("from") Instant from, @Param("to") Instant to);
}
