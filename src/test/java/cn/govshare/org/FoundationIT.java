package cn.govshare.org;

/** The foundation tests against the real database: run by .ci/run with the mysql profile. */
class FoundationIT extends FoundationTest {
}
