package cn.govshare.notification;

import cn.govshare.JsonRows;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The outbox: deliveries and their attempts. Every state change is a conditional update (docs/notifications.md). */
@Mapper
interface DeliveryMapper {

  void insert(Delivery delivery);

  /** The deliveries of several notifications with one statement. */
  void insertAll(@Param("deliveries") List<Delivery> deliveries);

  /**
   * MySQL/MariaDB with JSON_TABLE: deliveries whose three instants are these in one static statement; {@code rows} is
   * {@link #rows}.
   */
  void insertRows(@Param("createdAt") Instant createdAt, @Param("nextAttemptAt") Instant nextAttemptAt,
      @Param("deliverBy") Instant deliverBy, @Param("rows") String rows);

  /** Deliveries as {@link #insertRows} reads them: every column but the instants, in its order. */
  static String rows(List<Delivery> deliveries) {
    return JsonRows.of(deliveries, d -> new Object[] {d.notificationId(), d.channel().name(), d.idempotencyKey(),
        d.state().name(), d.attempts(), d.workingHours() ? 1 : 0});
  }

  List<Long> dueIds(@Param("now") Instant now, @Param("limit") int limit);

  /** PENDING and due → SENDING under this node's lease; 0 when another node was first. */
  int claim(@Param("id") long id, @Param("owner") String owner, @Param("until") Instant until,
      @Param("now") Instant now);

  Delivery find(long id);

  /** SENDING under this node's lease → a final state. */
  int finish(@Param("id") long id, @Param("owner") String owner, @Param("state") DeliveryState state,
      @Param("now") Instant now, @Param("error") String error);

  /** SENDING under this node's lease → PENDING, to be tried again at {@code next}. */
  int retry(@Param("id") long id, @Param("owner") String owner, @Param("next") Instant next,
      @Param("error") String error);

  List<Delivery> expiredLeases(@Param("now") Instant now);

  /** SENDING whose lease expired (its node died) → {@code to}; 0 when another node recovered it first. */
  int recover(@Param("id") long id, @Param("to") DeliveryState to, @Param("now") Instant now,
      @Param("finishedAt") Instant finishedAt, @Param("error") String error);

  /** GAVE_UP or UNCERTAIN → PENDING with fresh attempts, due now (a person decided to send again). */
  int requeue(@Param("id") long id, @Param("now") Instant now);

  void insertAttempt(DeliveryAttempt attempt);

  List<DeliveryAttempt> attempts(@Param("deliveryIds") Collection<Long> deliveryIds);

  /**
   * Newest first. {@code all}: every recipient's; else those of notifications to the user or the user's groups.
   * {@code failedOnly}: GAVE_UP and UNCERTAIN.
   */
  List<Delivery> list(@Param("all") boolean all, @Param("userId") String userId,
      @Param("groups") Collection<String> groups, @Param("failedOnly") boolean failedOnly,
      @Param("limit") int limit);

  /** Deliveries that gave up or became uncertain since {@code since}, newest first. */
  List<Delivery> failedSince(@Param("since") Instant since, @Param("limit") int limit);

  long countFailedSince(@Param("since") Instant since);
}
