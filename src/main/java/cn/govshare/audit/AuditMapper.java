package cn.govshare.audit;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AuditMapper {

  String lockHead();

  void updateHead(String lastHash);

  void insert(AuditRecord record);

  List<AuditRecord> findAfter(@Param("afterId") long afterId, @Param("limit") int limit);

  List<AuditRecord> search(@Param("department") String department, @Param("from") Instant from,
      @Param("to") Instant to, @Param("limit") int limit);
}
