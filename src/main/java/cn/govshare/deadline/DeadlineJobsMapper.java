package cn.govshare.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
   * Up to {@code limit} other OPEN deadlines due by {@code now} whose breach timer no job executor holds, with that
   * timer; a plain read, nothing locked ({@link #lockJobs}, {@link #lockOpen} lock by primary key).
   */
  List<DueTimer> dueCandidates(@Param("breach") String breachType, @Param("now") Instant now, @Param("own") long own,
      @Param("limit") int limit);

  /** Up to {@code limit} of these jobs that no job executor holds, locked; those another transaction holds skipped. */
  List<String> lockJobs(@Param("ids") Collection<String> ids, @Param("limit") int limit);

  /** Those of these deadlines that are OPEN, locked; those another transaction holds skipped. */
  List<Long> lockOpen(@Param("ids") Collection<Long> ids);

  /** A due deadline of a breach batch and its breach timer. */
  record DueTimer(long deadlineId, String jobId) {
  }

  long countInScope(@Param("pattern") String pattern, @Param("processInstanceId") String processInstanceId,
      @Param("processDefinitionId") String processDefinitionId,
      @Param("processDefinitionKey") String processDefinitionKey);
}
