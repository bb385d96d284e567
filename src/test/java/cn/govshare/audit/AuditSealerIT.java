package cn.govshare.audit;

import cn.govshare.GovShareTest;

/**
 * {@link AuditSealerTest} in the integration run, which uses MariaDB (.ci/run): there a sealing batch is one UPDATE
 * joined to the records' positions and hashes ({@code AuditMapper.sealAll}), which the embedded H2 never takes.
 */
@GovShareTest
class AuditSealerIT extends AuditSealerTest {
}
