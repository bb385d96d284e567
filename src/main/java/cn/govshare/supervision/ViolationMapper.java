package cn.govshare.supervision;

import cn.govshare.JsonRows;
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

  /**
   * MySQL/MariaDB with JSON_TABLE: many records made at {@code recordedAt} in one static statement, without their
   * ids (read them back with {@link #findBySourcesIn}); {@code rows} is {@link NewRow#rows}.
   */
  void insertRows(@Param("recordedAt") Instant recordedAt, @Param("rows") String rows);

  /** {@link #findBySources} on MySQL/MariaDB with JSON_TABLE, {@code keys} as {@link JsonRows#column}. */
  List<Violation> findBySourcesIn(@Param("keys") String keys);

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

    /** Records as {@link #insertRows} reads them: every column but the instant, in its order. */
    static String rows(List<NewRow> rows) {
      return JsonRows.of(rows, row -> {
        Violation v = row.violation;
        return new Object[] {v.sourceKey(), v.kind().name(), v.department(), v.profile(), v.rule(), v.item(),
            v.citation(), v.summary(), v.caseLink(), v.deadlineId(), v.auditEvidence(), v.recordedBy()};
      });
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
