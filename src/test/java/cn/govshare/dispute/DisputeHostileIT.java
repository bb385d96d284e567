package cn.govshare.dispute;

/** The dispute hostile tests against the real database (run by .ci/run with the mysql profile). */
class DisputeHostileIT extends DisputeHostileTest {
}
