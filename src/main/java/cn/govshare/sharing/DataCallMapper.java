package cn.govshare.sharing;

import cn.govshare.JsonRows;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The data-call writer's lookup (issue 25): the grants of every call of a group commit in one statement, on the
 * application's sessions or on the writers' own ({@link DataCallConnections}).
 */
@Mapper
interface DataCallMapper {

  /** The active grants valid on {@code today} of each department on each resource of {@code keys}, in no order. */
  List<ActiveGrant> findActiveGrants(@Param("keys") Collection<DataCall.Key> keys, @Param("today") LocalDate today);

  /**
   * The same on MySQL/MariaDB with JSON_TABLE, {@code keys} as {@link #rows}: one static statement, parsed once,
   * where {@link #findActiveGrants}' {@code <foreach>} is rebuilt and parsed again for every group commit. The keys
   * are compared in the collation docs/operations.md creates the schema with; the database refuses the statement
   * when gs_grant has another (nor a binary one), and the writer then keeps to {@link #findActiveGrants}.
   */
  List<ActiveGrant> findActiveGrantsIn(@Param("keys") String keys, @Param("today") LocalDate today);

  /** The keys as {@link #findActiveGrantsIn} reads them. */
  static String rows(Collection<DataCall.Key> keys) {
    return JsonRows.of(keys, key -> new Object[] {key.department(), key.resourceCode()});
  }

  /** What a data call is checked against: an active grant's purpose and scope, and its provider. */
  record ActiveGrant(String department, String resourceCode, long id, String providerDept, String scope,
      Purpose purpose) {

    DataCall.Key key() {
      return new DataCall.Key(department, resourceCode);
    }
  }
}
