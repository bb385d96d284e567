package cn.govshare.opendata;

import cn.govshare.catalog.GeneratedKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OpenDataMapper {

  void insert(@Param("r") OpenDataRequest request, @Param("key") GeneratedKey key);

  OpenDataRequest find(long id);

  Optional<OpenDataRequest> findByProcessInstance(String processInstanceId);

  List<OpenDataRequest> findByProcessInstances(@Param("processInstanceIds") Collection<String> processInstanceIds);

  int bindProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  /** Writes the answer columns and the state, only if the request is still in {@code from}. */
  int update(@Param("r") OpenDataRequest request, @Param("from") OpenDataState from);

  /** Newest first; every parameter may be null. */
  List<OpenDataRequest> search(@Param("applicant") String applicant, @Param("provider") String provider,
      @Param("state") OpenDataState state, @Param("limit") int limit);
}
