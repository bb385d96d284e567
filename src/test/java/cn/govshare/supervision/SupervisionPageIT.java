package cn.govshare.supervision;

/** The supervision tables and exports against the real database (run by .ci/run with the mysql profile). */
class SupervisionPageIT extends SupervisionPageTest {
}
