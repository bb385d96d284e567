package cn.govshare.sharing;

import cn.govshare.GovShareTest;

/**
 * {@link DataCallWriterTest} in the integration run, which uses MariaDB (.ci/run): there the writer takes MyBatis'
 * batch executor path (counters upserted in one statement, the audit records' instant bound as itself), which the
 * embedded H2 never takes.
 */
@GovShareTest
class DataCallWriterIT extends DataCallWriterTest {
}
