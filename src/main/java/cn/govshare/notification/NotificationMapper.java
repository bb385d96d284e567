package cn.govshare.notification;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface NotificationMapper {

  void insert(NewRow row);

  /** One statement for many rows; MyBatis writes each generated id back into its row. */
  void insertAll(@Param("rows") List<NewRow> rows);

  List<Notification> findFor(@Param("userId") String userId, @Param("groups") Collection<String> groups,
      @Param("refType") String refType, @Param("refId") String refId, @Param("limit") int limit);

  List<Notification> findByRef(@Param("refType") String refType, @Param("refId") String refId);

  /** The insert's parameter: MyBatis writes the generated id back into it. */
  final class NewRow {
    private final Notification notification;
    private Long id;

    NewRow(Notification notification) {
      this.notification = notification;
    }

    public Notification getNotification() {
      return notification;
    }

    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }
  }
}
