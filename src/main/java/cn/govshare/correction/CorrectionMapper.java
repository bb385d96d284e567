package cn.govshare.correction;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** gs_correction and its steps. The status column is written by {@link CorrectionTransitions} only. */
@Mapper
interface CorrectionMapper {

  void insert(@Param("c") Correction correction, @Param("key") GeneratedKey key);

  /** Binds the case to the process started for it, once. */
  int bindProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  /** Writes {@code next} if the row is still in status {@code from}; returns the rows changed. */
  int update(@Param("c") Correction next, @Param("from") CorrectionStatus from);

  Correction find(long id);

  Optional<Correction> findByProcessInstance(String processInstanceId);

  List<Correction> findByProcessInstances(@Param("processInstanceIds") Collection<String> processInstanceIds);

  List<Correction> findIn(@Param("resourceCode") String resourceCode,
      @Param("statuses") Collection<CorrectionStatus> statuses);

  List<Correction> findOf(@Param("department") String department, @Param("limit") int limit);

  void insertStep(CorrectionStep step);

  List<CorrectionStep> steps(long correctionId);

  /** R28: the corrections reported or closed in [from, to). */
  List<Correction> findReportedOrClosedBetween(@Param("from") Instant from, @Param("to") Instant to);
}
