package cn.govshare.federation.lower;

import cn.govshare.catalog.GeneratedKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The city side's rows (V59): applications to the upper platform, their requests, attempts, cursors, upper entries. */
@Mapper
interface ForwardingMapper {

  void insert(@Param("f") Forwarding forwarding, @Param("key") GeneratedKey key);

  void insertMember(ForwardingMember member);

  Forwarding find(long id);

  Forwarding findByUpperId(long upperId);

  List<Forwarding> list(@Param("state") ForwardingState state, @Param("limit") int limit);

  List<ForwardingMember> members(long applicationId);

  ForwardingMember memberOf(long requestId);

  /** GATHERING whose window ended → PENDING, due now. */
  int releaseDue(@Param("now") Instant now);

  /** The operator sends now: GATHERING → PENDING. */
  int release(@Param("id") long id, @Param("now") Instant now);

  /** Gathered into another application: GATHERING, never attempted → MERGED. */
  int merged(@Param("id") long id);

  int moveMembers(@Param("from") long from, @Param("to") long to);

  List<Long> dueIds(@Param("now") Instant now, @Param("limit") int limit);

  /** PENDING and due → SENDING under this node's lease; 0 when another node was first. */
  int claim(@Param("id") long id, @Param("owner") String owner, @Param("until") Instant until,
      @Param("now") Instant now);

  /** SENDING under this node's lease → DELIVERED with the upper platform's id. */
  int delivered(@Param("id") long id, @Param("owner") String owner, @Param("upperId") long upperId,
      @Param("reference") String reference, @Param("now") Instant now);

  /** SENDING under this node's lease → PENDING, to be tried again at {@code next}. */
  int retry(@Param("id") long id, @Param("owner") String owner, @Param("next") Instant next,
      @Param("error") String error);

  List<Forwarding> expiredLeases(@Param("now") Instant now);

  /** A node died while sending: SENDING with an expired lease → PENDING, sent again with the same key. */
  int recover(@Param("id") long id, @Param("now") Instant now, @Param("error") String error);

  void insertAttempt(@Param("applicationId") long applicationId, @Param("at") Instant at, @Param("node") String node,
      @Param("outcome") String outcome, @Param("error") String error);

  int countAttempts(long applicationId);

  /** The upper platform's status and deadlines, kept only when newer than what is stored. */
  int followed(@Param("id") long id, @Param("status") String status, @Param("changedAt") Instant changedAt,
      @Param("deadlines") String deadlines);

  /** DELIVERED → ANSWERED with the upper platform's answer; 0 when already answered. */
  int answered(@Param("id") long id, @Param("approved") boolean approved, @Param("reason") String reason,
      @Param("scope") String scope, @Param("validUntil") LocalDate validUntil, @Param("decidedAt") Instant decidedAt,
      @Param("now") Instant now);

  void memberGrant(@Param("requestId") long requestId, @Param("upperGrantId") Long upperGrantId,
      @Param("scope") String scope, @Param("until") LocalDate until, @Param("status") String status);

  void memberMirror(@Param("requestId") long requestId, @Param("grantId") long grantId);

  /** Locks the cursor row for this poll (one node at a time); null cursor = never polled. */
  Cursor lockCursor(String name);

  void updateCursor(@Param("name") String name, @Param("cursorAt") Instant cursorAt, @Param("polledAt") Instant polledAt,
      @Param("error") String error);

  String findUpperCode(String code);

  void deleteUpperResource(String code);

  void insertUpperResource(@Param("code") String code, @Param("upperCode") String upperCode,
      @Param("providerDept") String providerDept, @Param("version") int version, @Param("at") Instant at);

  /** A poll's position: the upper platform's own asOf of the last poll. */
  record Cursor(String name, Instant cursorAt, Instant polledAt, String lastError) {
  }
}
