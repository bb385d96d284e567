package cn.govshare.correction;

/** The correction tests against the real database (run by .ci/run with the mysql profile). */
class CorrectionIT extends CorrectionTest {
}
