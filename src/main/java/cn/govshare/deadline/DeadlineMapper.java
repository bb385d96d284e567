package cn.govshare.deadline;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DeadlineMapper {

  void insert(@Param("d") DeadlineRecord deadline, @Param("key") GeneratedKey key);

  DeadlineRecord findById(long id);

  DeadlineRecord findByTask(String taskId);

  List<DeadlineRecord> findByProcessInstance(String processInstanceId);

  /** OPEN → BREACHED; 0 when another node (or the task's completion) got there first. */
  int markBreached(@Param("id") long id, @Param("at") Instant at);

  /** The rows of a breach batch, locked until the transaction ends. */
  List<DeadlineRecord> lockByIds(@Param("ids") Collection<Long> ids);

  /**
   * BREACHED with each row's incident, in one statement, for rows this transaction holds locked and found OPEN
   * ({@link #lockByIds}): by primary key only, so it never waits for another batch's rows (a condition on the state
   * let MariaDB scan the state index and deadlock with a concurrent batch). The count of rows moved.
   */
  int markAllBreached(@Param("incidents") Map<Long, String> incidents, @Param("at") Instant at);

  void setIncident(@Param("id") long id, @Param("incidentId") String incidentId);

  void markReminded(@Param("id") long id, @Param("at") Instant at);

  int close(@Param("id") long id, @Param("expected") String expected, @Param("state") String state,
      @Param("completedAt") Instant completedAt, @Param("completedBy") String completedBy,
      @Param("breachedAt") Instant breachedAt, @Param("overdue") Integer overdue, @Param("handling") Integer handling);

  int updateExtension(@Param("id") long id, @Param("days") int days);

  int reschedule(@Param("id") long id, @Param("dueDate") LocalDate dueDate, @Param("dueAt") Instant dueAt,
      @Param("remindAt") Instant remindAt, @Param("fallback") boolean fallback);

  void insertChange(DeadlineChange change);

  List<DeadlineChange> changes(long deadlineId);

  /** Deadlines by state, department and rule (each ignored when null), whose period started in [startedFrom, startedBefore). */
  List<DeadlineRecord> page(@Param("states") Collection<String> states, @Param("department") String department,
      @Param("rule") String rule, @Param("startedFrom") Instant startedFrom, @Param("startedBefore") Instant startedBefore,
      @Param("offset") long offset, @Param("limit") int limit);

  long count(@Param("states") Collection<String> states, @Param("department") String department,
      @Param("rule") String rule, @Param("startedFrom") Instant startedFrom, @Param("startedBefore") Instant startedBefore);

  /** OPEN deadlines whose counting period overlaps [from, to): candidates for recomputation. */
  List<Long> openOverlapping(@Param("from") LocalDate from, @Param("to") Instant to);

  /** Deadlines completed or breached in [from, to): the raw material of the statistics (R27). */
  List<DeadlineRecord> closedOrBreachedBetween(@Param("from") Instant from, @Param("to") Instant to);

  /** BREACHED or LATE deadlines computed on fallback data whose due date lies in [from, to): to re-examine. */
  List<Long> breachedOnFallback(@Param("from") LocalDate from, @Param("to") Instant to);

  /** A breach the real calendar withdraws: back to OPEN (task still open) or MET (completed in time). */
  int withdrawBreach(@Param("id") long id, @Param("expected") String expected, @Param("state") String state,
      @Param("dueDate") LocalDate dueDate, @Param("dueAt") Instant dueAt, @Param("remindAt") Instant remindAt,
      @Param("fallback") boolean fallback, @Param("handling") Integer handling);

  void insertUrge(Urge urge);

  int countUrges(@Param("deadlineId") long deadlineId, @Param("party") String party,
      @Param("workingDay") LocalDate workingDay);

  List<Urge> urgesOf(@Param("deadlineIds") Collection<Long> deadlineIds);
}
