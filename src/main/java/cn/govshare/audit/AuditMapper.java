package cn.govshare.audit;

import cn.govshare.JsonRows;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AuditMapper {

  /** The head row, locked until the transaction ends: held by a sealer for one batch, never by a business commit. */
  AuditHead lockHead();

  AuditHead head();

  void updateHead(AuditHead head);

  /** Inserts {@code row.record}, unsealed, and sets {@code row.id} to the generated id. */
  void insert(NewRow row);

  /** One unsealed row, static SQL without generated ids: batched by the data-call group commit (MySQL/MariaDB). */
  void insertOne(NewRow row);

  /** Many unsealed rows in one statement (no generated ids). */
  void insertAll(@Param("rows") List<NewRow> rows);

  /**
   * MySQL/MariaDB with JSON_TABLE: many unsealed rows that occurred at {@code at} in one static statement (no
   * generated ids); {@code rows} is {@link NewRow#rows}.
   */
  void insertRows(@Param("at") Instant at, @Param("rows") String rows);

  /** The oldest unsealed records in id order, each with its own HMAC (record_mac) in {@code hash}. */
  List<AuditRecord> unsealed(int limit);

  /** Links an unsealed record into the chain at position {@code seq}. */
  int seal(@Param("id") long id, @Param("seq") long seq, @Param("prevHash") String prevHash,
      @Param("hash") String hash);

  /**
   * MySQL/MariaDB with JSON_TABLE: links many unsealed records in one statement (an UPDATE joined to their
   * positions and hashes), a quarter of MariaDB's CPU for the same records sealed one statement each (issue 25);
   * {@code seals} is {@link Seal#rows}.
   */
  int sealAll(@Param("seals") String seals);

  /** A record's place in the chain, as {@link #seal} sets it. */
  record Seal(long id, long seq, String prevHash, String hash) {

    /** The seals as {@link #sealAll} reads them. */
    static String rows(List<Seal> seals) {
      return JsonRows.of(seals, seal -> new Object[] {seal.id(), seal.seq(), seal.prevHash(), seal.hash()});
    }
  }

  /** Keeps a row whose own HMAC does not match out of the chain for good (a negative position). */
  int refuse(long id);

  /** The first row the sealer refused, or null. */
  Long firstRefused();

  /** The last chain position in use (0: none). */
  long lastSeq();

  /** The chain position of a record; null when it is not there or not sealed. */
  Long seqOf(long id);

  /** The records waiting for their seal: how many, the oldest, and for how long (database time). */
  Waiting waiting();

  /** Sealed records after chain position {@code afterSeq} up to {@code upToSeq}, in chain order. */
  List<AuditRecord> findAfter(@Param("afterSeq") long afterSeq, @Param("upToSeq") long upToSeq,
      @Param("limit") int limit);

  AuditRecord find(long id);

  /** Sealed records up to this record's chain position, itself included. */
  long countUpTo(long id);

  List<AuditRecord> search(@Param("department") String department, @Param("from") Instant from,
      @Param("to") Instant to, @Param("limit") int limit);

  /** Records not yet sealed: their number, the oldest id and its age in seconds (null when none). */
  record Waiting(long count, Long oldestId, Long oldestSeconds) {
  }

  /** The insert's parameter: MyBatis writes the generated id back into it. */
  final class NewRow {
    private final AuditRecord record;
    private final String recordMac;
    private Long id;

    NewRow(AuditRecord record, String recordMac) {
      this.record = record;
      this.recordMac = recordMac;
    }

    public AuditRecord getRecord() {
      return record;
    }

    public String getRecordMac() {
      return recordMac;
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
        AuditRecord r = row.record;
        return new Object[] {r.actorUserId(), r.actorName(), r.actorDepartment(), r.action(), r.objectType(),
            r.objectId(), r.outcome(), r.detail(), r.remoteAddress(), r.concerns(), r.keyId(), row.recordMac};
      });
    }
  }
}
