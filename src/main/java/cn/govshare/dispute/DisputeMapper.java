package cn.govshare.dispute;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DisputeMapper {

  void insert(@Param("d") Dispute dispute, @Param("key") GeneratedKey key);

  /** Sets the process instance of a record that has none yet. */
  int bindProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  /** Only {@link DisputeTransitions} calls this: changes the status if it still is {@code from}. */
  int transition(@Param("id") long id, @Param("from") DisputeStatus from, @Param("to") DisputeStatus to,
      @Param("reason") String reason, @Param("by") String by, @Param("at") Instant at);

  void setGrant(@Param("id") long id, @Param("grantId") long grantId);

  Dispute find(long id);

  Dispute findByProcessInstance(String processInstanceId);

  List<Dispute> findByProcessInstances(@Param("processInstanceIds") Collection<String> processInstanceIds);

  List<Dispute> findVisible(@Param("department") String department, @Param("all") boolean all,
      @Param("limit") int limit);

  void insertStep(DisputeStep step);

  List<DisputeStep> steps(long disputeId);

  DisputeStep lastStep(@Param("disputeId") long disputeId, @Param("step") String step);

  void insertFiling(Filing filing);

  List<Filing> filings(long disputeId);

  void insertPosition(Position position);

  Position positionOfTask(String taskId);

  int statePosition(@Param("taskId") String taskId, @Param("position") Position.Stance position,
      @Param("comment") String comment, @Param("actorUser") String actorUser, @Param("actorDept") String actorDept,
      @Param("at") Instant at);

  List<Position> positions(long disputeId);

  /** R28: the disputes opened or decided in [from, to). */
  List<Dispute> findCreatedOrDecidedBetween(@Param("from") Instant from, @Param("to") Instant to);
}
