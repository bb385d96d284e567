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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 25: the share request's reads kept for one transaction never hide a write. A read after a write in the
 * same transaction sees the write, a write to the steps shows in the steps, and the next transaction reads afresh
 * what another one committed meanwhile.
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

  @Test
  void readsInOneTransactionSeeItsOwnWritesAndTheNextTransactionSeesOtherCommits() {
    long id = ApiClient.as(port, "rsj-applicant").post("/api/share-requests",
        ShareRequestApiTest.application("RK-002", "WORK_REFERENCE")).json().path("id").asLong();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    TransactionTemplate separate = new TransactionTemplate(transactions);
    separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    tx.executeWithoutResult(status -> {
      String route = mapper.findRoute(id);
      assertThat(mapper.findRoute(id)).isEqualTo(route);
      int steps = mapper.findSteps(id).size();

      mapper.updateRoute(id, "DIRECT");
      assertThat(mapper.findRoute(id)).as("read after its own update").isEqualTo("DIRECT");

      mapper.insertStep(new RequestStep(null, id, "CHECKED", "规范性审查", "operator", "平台运维", "platform",
          Instant.now(), "PASSED", "缓存测试", null));
      assertThat(mapper.findSteps(id)).as("steps after an insert into the steps").hasSize(steps + 1);
      // a nested transaction commits a change: the outer one reads afresh when it resumes
      separate.executeWithoutResult(inner -> mapper.updateRoute(id, "UNCONDITIONAL"));
      assertThat(mapper.findRoute(id)).as("after a nested transaction's commit").isEqualTo("UNCONDITIONAL");
    });

    jdbc.update("UPDATE gs_share_request SET route = 'REVIEW' WHERE id = ?", id);
    tx.executeWithoutResult(status -> assertThat(mapper.findRoute(id)).as("a new transaction reads the row")
        .isEqualTo("REVIEW"));
  }
}
