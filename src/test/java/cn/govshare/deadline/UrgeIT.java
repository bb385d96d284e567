package cn.govshare.deadline;

/** The 催办 tests against the real database (run by .ci/run with the mysql profile). */
class UrgeIT extends UrgeTest {
}
