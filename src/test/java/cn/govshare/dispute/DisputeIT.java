package cn.govshare.dispute;

/** The dispute tests against the real database (run by .ci/run with the mysql profile). */
class DisputeIT extends DisputeTest {
}
