package cn.govshare.supervision;

import cn.govshare.catalog.GeneratedKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RectificationMapper {

  void insert(@Param("o") RectificationOrder order, @Param("key") GeneratedKey key);

  RectificationOrder find(long id);

  Optional<RectificationOrder> findByProcessInstance(String processInstanceId);

  List<RectificationOrder> findByProcessInstances(@Param("processInstanceIds") Collection<String> processInstanceIds);

  RectificationOrder findByViolation(long violationId);

  int bindProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  /** Writes the columns a transition carries, only if the order is still in {@code from}. */
  int update(@Param("o") RectificationOrder order, @Param("from") RectificationState from);

  /** Newest first; every parameter may be null. */
  List<RectificationOrder> search(@Param("department") String department, @Param("state") RectificationState state,
      @Param("limit") int limit);
}
