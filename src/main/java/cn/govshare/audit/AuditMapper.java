package cn.govshare.audit;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AuditMapper {

  /** The head row, locked until the transaction ends: one writer at a time across all nodes. */
  AuditHead lockHead();

  AuditHead head();

  void updateHead(AuditHead head);

  /** Inserts {@code row.record} and sets {@code row.id} to the generated id. */
  void insert(NewRow row);

  List<AuditRecord> findAfter(@Param("afterId") long afterId, @Param("upTo") long upTo, @Param("limit") int limit);

  AuditRecord find(long id);

  long countUpTo(long id);

  List<AuditRecord> search(@Param("department") String department, @Param("from") Instant from,
      @Param("to") Instant to, @Param("limit") int limit);

  /** The insert's parameter: MyBatis writes the generated id back into it. */
  final class NewRow {
    private final AuditRecord record;
    private Long id;

    NewRow(AuditRecord record) {
      this.record = record;
    }

    public AuditRecord getRecord() {
      return record;
    }

    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }
  }
}
