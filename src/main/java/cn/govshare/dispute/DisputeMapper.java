package cn.govshare.dispute;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DisputeMapper {

  void insert(@Param("d") Dispute dispute, @Param("key") GeneratedKey key);

  void updateProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  void decide(@Param("id") long id, @Param("status") DisputeStatus status, @Param("reason") String reason,
      @Param("by") String by, @Param("at") Instant at, @Param("grantId") Long grantId);

  Dispute find(long id);

  List<Dispute> findVisible(@Param("department") String department, @Param("all") boolean all,
      @Param("limit") int limit);

  void insertStep(DisputeStep step);

  List<DisputeStep> steps(long disputeId);

  void insertFiling(Filing filing);

  List<Filing> filings(long disputeId);
}
