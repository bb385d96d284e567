package cn.govshare.deadline;

import cn.govshare.JsonRows;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Deadline timers as rows of Camunda's job tables: ownership repair, supervision, reach of bulk commands. */
@Mapper
interface DeadlineJobsMapper {

  /** Timers created before they carried their process definition: give them their instance's (issue 18). */
  int adoptJobDefinitions(@Param("pattern") String pattern);

  int adoptJobDefinitionKeys(@Param("pattern") String pattern);

  /** Failed-job incidents and history rows of those timers: the same owner, so the same authorizations. */
  int adoptIncidents(@Param("pattern") String pattern);

  int adoptHistoricJobLogs();

  int adoptHistoricIncidents();

  /**
   * OPEN timed deadlines whose breach timer is missing, suspended, out of retries or postponed past due; only those
   * due by {@code dueBefore} unless it is null.
   */
  List<Long> unguarded(@Param("breach") String breachType, @Param("dueBefore") Instant dueBefore);

  /**
   * Up to {@code limit} other OPEN deadlines due by {@code now}, in due order, each with its breach timers that no job
   * executor holds; a plain read, nothing locked ({@link #lockJobs}, {@link #lockOpen} lock by primary key). Two
   * index lookups, the deadlines by state and due instant, then their timers by handler: joined in one query, H2
   * matched every deadline against every breach timer (40 ms of CPU a breach at 3 000 open).
   */
  default List<DueTimer> dueCandidates(String breachType, Instant now, long own, int limit, boolean json) {
    List<Long> due = dueOpen(now, own, limit);
    if (due.isEmpty()) {
      return List.of();
    }
    List<String> configurations = due.stream().map(String::valueOf).toList();
    Map<Long, List<DueTimer>> timers = (json ? unheldTimersIn(breachType, JsonRows.column(configurations))
        : unheldTimers(breachType, configurations)).stream().collect(Collectors.groupingBy(DueTimer::deadlineId));
    return due.stream().flatMap(id -> timers.getOrDefault(id, List.of()).stream()).toList();
  }

  /** Up to {@code limit} OPEN deadlines due by {@code now} but {@code own}, in due order. */
  List<Long> dueOpen(@Param("now") Instant now, @Param("own") long own, @Param("limit") int limit);

  /** The breach timers of these deadlines (their ids as the timers' configuration) that no job executor holds. */
  List<DueTimer> unheldTimers(@Param("breach") String breachType, @Param("configurations") Collection<String> ids);

  /** {@link #unheldTimers} on MySQL/MariaDB with JSON_TABLE, {@code configurations} as {@link JsonRows#column}. */
  List<DueTimer> unheldTimersIn(@Param("breach") String breachType, @Param("configurations") String configurations);

  /** The earliest due instant of any timer after {@code now} (null: none). */
  Instant nextDueAfter(@Param("now") Instant now);

  /** Up to {@code limit} of these jobs that no job executor holds, locked; those another transaction holds skipped. */
  List<String> lockJobs(@Param("ids") Collection<String> ids, @Param("limit") int limit);

  /** Those of these deadlines that are OPEN, locked; those another transaction holds skipped. */
  List<Long> lockOpen(@Param("ids") Collection<Long> ids);

  /**
   * {@link #lockJobs} on MySQL/MariaDB with JSON_TABLE, {@code ids} as {@link JsonRows#column} from the highest down:
   * the rows are locked in that order until {@code limit} are taken.
   */
  List<String> lockJobsIn(@Param("ids") String ids, @Param("limit") int limit);

  /** {@link #lockOpen} on MySQL/MariaDB with JSON_TABLE, {@code ids} as {@link JsonRows#column} in ascending order. */
  List<Long> lockOpenIn(@Param("ids") String ids);

  /**
   * {@link #lockJobs}, or {@link #lockJobsIn} where {@code json} (MySQL/MariaDB): given the ids from the highest down,
   * the order in which its statement locks, as the IN list's {@code ORDER BY} does.
   */
  default List<String> takeJobs(Collection<String> ids, int limit, boolean json) {
    return json ? lockJobsIn(JsonRows.column(ids.stream().sorted(Comparator.reverseOrder()).toList()), limit)
        : lockJobs(ids, limit);
  }

  /** {@link #lockOpen}, or {@link #lockOpenIn} where {@code json} (MySQL/MariaDB): given the ids in ascending order. */
  default List<Long> takeOpen(Collection<Long> ids, boolean json) {
    return json ? lockOpenIn(JsonRows.column(ids.stream().sorted().toList())) : lockOpen(ids);
  }

  /** A due deadline of a breach batch and its breach timer. */
  record DueTimer(long deadlineId, String jobId) {
  }

  long countInScope(@Param("pattern") String pattern, @Param("processInstanceId") String processInstanceId,
      @Param("processDefinitionId") String processDefinitionId,
      @Param("processDefinitionKey") String processDefinitionKey);
}
