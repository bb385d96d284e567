package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 25: the share request's reads kept for one transaction never hide a write. A read after a write in the
 * same transaction sees the write, a write to the steps shows in the steps, and the next transaction reads afresh
 * what another one committed meanwhile (within one transaction, a repeated read without a write in between already
 * came from MyBatis's own session cache before, so that is unchanged).
 */
@GovShareTest
class TransactionReadCacheTest {

  @LocalServerPort
  int port;

  @Autowired
  SharingMapper mapper;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager transactions;

  private long submit() {
    return ApiClient.as(port, "rsj-applicant").post("/api/share-requests",
        ShareRequestApiTest.application("RK-002", "WORK_REFERENCE")).json().path("id").asLong();
  }

  @Test
  void readsInOneTransactionSeeItsOwnWritesAndTheNextTransactionSeesOtherCommits() {
    long id = submit();
    TransactionTemplate tx = new TransactionTemplate(transactions);

    tx.executeWithoutResult(status -> {
      String route = mapper.findRoute(id);
      assertThat(mapper.findRoute(id)).isEqualTo(route);
      int steps = mapper.findSteps(id).size();

      mapper.updateRoute(id, "DIRECT");
      assertThat(mapper.findRoute(id)).as("read after its own update").isEqualTo("DIRECT");

      mapper.insertStep(new RequestStep(null, id, "CHECKED", "规范性审查", "operator", "平台运维", "platform",
          Instant.now(), "PASSED", "缓存测试", null));
      assertThat(mapper.findSteps(id)).as("steps after an insert into the steps").hasSize(steps + 1);
    });

    jdbc.update("UPDATE gs_share_request SET route = 'REVIEW' WHERE id = ?", id);
    tx.executeWithoutResult(status -> assertThat(mapper.findRoute(id)).as("a new transaction reads the row")
        .isEqualTo("REVIEW"));
  }
}
