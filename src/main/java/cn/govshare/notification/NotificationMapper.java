package cn.govshare.notification;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface NotificationMapper {

  void insert(Notification notification);

  List<Notification> findFor(@Param("userId") String userId, @Param("groups") Collection<String> groups,
      @Param("refType") String refType, @Param("refId") String refId, @Param("limit") int limit);

  List<Notification> findByRef(@Param("refType") String refType, @Param("refId") String refId);
}
