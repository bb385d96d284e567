package cn.govshare.supervision;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ViolationMapper {

  int insert(@Param("v") Violation violation, @Param("key") GeneratedKey key);

  Violation find(long id);

  Violation findBySource(String sourceKey);

  List<Violation> findBySources(@Param("sourceKeys") Collection<String> sourceKeys);

  /** One statement for many records; MyBatis writes each generated id back into its row. */
  void insertAll(@Param("rows") List<NewRow> rows);

  /** A record to insert and, once inserted, its id. */
  final class NewRow {
    private final Violation violation;
    private Long id;

    NewRow(Violation violation) {
      this.violation = violation;
    }

    public Violation getViolation() {
      return violation;
    }

    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }
  }

  /** Newest first; every parameter may be null. */
  List<Violation> search(@Param("department") String department, @Param("kind") ViolationKind kind,
      @Param("from") Instant from, @Param("to") Instant to, @Param("limit") int limit);

  int withdraw(@Param("sourceKey") String sourceKey, @Param("at") Instant at, @Param("reason") String reason);

  int reinstate(String sourceKey);

  int addRefused(@Param("department") String department, @Param("resource") String resource,
      @Param("month") String month);

  void insertRefused(@Param("department") String department, @Param("resource") String resource,
      @Param("month") String month);

  Integer refused(@Param("department") String department, @Param("resource") String resource,
      @Param("month") String month);
}
