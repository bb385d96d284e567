package cn.govshare.sharing;

/** The share-request HTTP tests against the real database (run by .ci/run with the mysql profile). */
class ShareRequestIT extends ShareRequestApiTest {
}
