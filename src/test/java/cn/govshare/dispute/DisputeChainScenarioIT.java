package cn.govshare.dispute;

/** Each profile's dispute chain against the real database (run by .ci/run with the mysql profile). */
class DisputeChainScenarioIT extends DisputeChainScenarioTest {
}
