package cn.govshare.correction;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CorrectionMapper {

  void insert(@Param("c") Correction correction, @Param("key") GeneratedKey key);

  void updateProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  void addExtension(@Param("id") long id, @Param("days") int days);

  void close(@Param("id") long id, @Param("status") CorrectionStatus status, @Param("note") String note,
      @Param("at") Instant at);

  Correction find(long id);

  List<Correction> findOpen(String resourceCode);

  List<Correction> findOf(@Param("department") String department, @Param("limit") int limit);

  void insertStep(CorrectionStep step);

  List<CorrectionStep> steps(long correctionId);
}
