package cn.govshare.federation.upper;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface UpperMapper {

  Peer findPeer(String userId);

  int insertPeer(@Param("p") Peer peer, @Param("at") Instant at);

  ForwardingRow findByKey(@Param("platformCode") String platformCode, @Param("key") String key);

  ForwardingRow find(@Param("platformCode") String platformCode, @Param("id") long id);

  ForwardingRow findByShareRequest(long shareRequestId);

  List<ForwardingRow> findChanged(@Param("platformCode") String platformCode, @Param("since") Instant since,
      @Param("limit") int limit);

  void insert(@Param("f") ForwardingRow row, @Param("key") GeneratedKey key);

  void bindShareRequest(@Param("id") long id, @Param("shareRequestId") long shareRequestId);

  void insertDepartment(ForwardedDepartment department);

  List<ForwardedDepartment> findDepartments(long applicationId);

  /** Catalogue entries other platforms may see (never drafts), changed at or after {@code since}. */
  List<String> findCatalogCodes(@Param("since") Instant since);
}
