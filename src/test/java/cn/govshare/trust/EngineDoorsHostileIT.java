package cn.govshare.trust;

/** The engine doors' hostile tests against the real database: run by .ci/run with the mysql profile. */
class EngineDoorsHostileIT extends EngineDoorsHostileTest {
}
