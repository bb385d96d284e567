package cn.govshare.notification;

import cn.govshare.JsonRows;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface NotificationMapper {

  void insert(NewRow row);

  /** One statement for many rows; MyBatis writes each generated id back into its row. */
  void insertAll(@Param("rows") List<NewRow> rows);

  /**
   * MySQL/MariaDB with JSON_TABLE: {@code rows}, all created at {@code createdAt}, in one static statement, {@code
   * json} being {@link NewRow#rows} of them; the driver writes each generated id back into its row.
   */
  void insertRows(@Param("createdAt") Instant createdAt, @Param("json") String json,
      @Param("rows") List<NewRow> rows);

  /** MySQL/MariaDB: {@code innodb_autoinc_lock_mode}. */
  Integer autoIncrementLockMode();

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

    /** Rows as {@link #insertRows} reads them: every column but the instant, in its order. */
    static String rows(List<NewRow> rows) {
      return JsonRows.of(rows, row -> {
        Notification n = row.notification;
        return new Object[] {n.recipientType(), n.recipient(), n.category(), n.subject(), n.body(), n.refType(),
            n.refId()};
      });
    }
  }
}
