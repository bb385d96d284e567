package cn.govshare.supervision;

/** The rectification process and its doors against the real database (run by .ci/run with the mysql profile). */
class RectificationOrderIT extends RectificationOrderTest {
}
