package cn.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import org.junit.jupiter.api.Test;

/**
 * {@link AuditSealerTest} in the integration run, which uses MariaDB (.ci/run): there a sealing batch is one UPDATE
 * joined to the records' positions and hashes ({@code AuditMapper.sealAll}), which the embedded H2 never takes.
 */
@GovShareTest
class AuditSealerIT extends AuditSealerTest {

  @Test
  void onMariaDbASealingBatchIsOneJsonTableStatement() {
    assertThat(sealer.sealsInOneStatement()).isTrue();
  }

  /** What {@link #recordsInsertedTogetherAreStoredAsPreparedAndSealed} runs on MariaDB: one JSON_TABLE statement. */
  @Test
  void onMariaDbRecordsOfOneTransactionAreInsertedWithOneJsonTableStatement() {
    assertThat(trail.insertsInJsonRows()).isTrue();
  }
}
