package cn.govshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The delivery tests against the real database (run by .ci/run with the mysql profile): claims, leases, two nodes. */
class NotificationDeliveryIT extends NotificationDeliveryTest {

  /**
   * What {@link #notificationsWrittenTogetherEachKeepTheirOwnIdAndDeliveries} runs on MariaDB (its default
   * innodb_autoinc_lock_mode 1): notifications and deliveries of one transaction in JSON_TABLE statements.
   */
  @Test
  void onMariaDbNotificationsOfOneTransactionAreInsertedWithJsonTableStatements(@Autowired Outbox outbox) {
    assertThat(notifications.inJsonRows()).isTrue();
    assertThat(outbox.inJsonRows()).isTrue();
  }

  /**
   * A value longer than its column is refused, as the portable insert refuses it in strict mode, never cut short (a
   * VARCHAR column of JSON_TABLE would cut it silently: the statements read text as TEXT).
   */
  @Test
  void onMariaDbAValueLongerThanItsColumnIsRefusedNotCutShort(@Autowired NotificationMapper mapper) {
    Instant now = Instant.now();
    List<NotificationMapper.NewRow> rows = List.of(new NotificationMapper.NewRow(new Notification(null, now, "GROUP",
        "g".repeat(65), "TEST", "过长的接收方", null, "ROWS", null)));
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> mapper.insertRows(now,
        NotificationMapper.NewRow.rows(rows), rows))).isInstanceOf(DataIntegrityViolationException.class);
  }

  /** The ids the driver hands out for one JSON_TABLE statement are those of the rows in their order, beside others. */
  @Test
  void onMariaDbEachNotificationWrittenTogetherGetsTheIdOfItsOwnRow(@Autowired NotificationMapper mapper,
      @Autowired JdbcTemplate jdbc) throws Exception {
    Instant now = Instant.now();
    ExecutorService nodes = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<NotificationMapper.NewRow>>> batches = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int thread = t;
        batches.add(nodes.submit(() -> {
          List<NotificationMapper.NewRow> all = new ArrayList<>();
          for (int batch = 0; batch < 10; batch++) {
            List<NotificationMapper.NewRow> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
              rows.add(new NotificationMapper.NewRow(new Notification(null, now, "GROUP", "gaj", "TEST",
                  "行 " + thread + "-" + batch + "-" + i, null, "ROWS", null)));
            }
            transaction.executeWithoutResult(status -> {
              mapper.insertRows(now, NotificationMapper.NewRow.rows(rows), rows);
              mapper.insert(new NotificationMapper.NewRow(new Notification(null, now, "USER", "gaj-head", "TEST",
                  "单行", null, "ROWS", null)));
            });
            all.addAll(rows);
          }
          return all;
        }));
      }
      for (Future<List<NotificationMapper.NewRow>> batch : batches) {
        for (NotificationMapper.NewRow row : batch.get()) {
          assertThat(jdbc.queryForObject("SELECT subject FROM gs_notification WHERE id = ?", String.class,
              row.getId())).isEqualTo(row.getNotification().subject());
        }
      }
    } finally {
      nodes.shutdown();
    }
  }
}
