package cn.govshare.supervision;

/** The register against the real database (run by .ci/run with the mysql profile): once per breach, two nodes. */
class ViolationRegisterIT extends ViolationRegisterTest {
}
