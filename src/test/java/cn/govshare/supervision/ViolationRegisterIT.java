package cn.govshare.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The register against the real database (run by .ci/run with the mysql profile): once per breach, two nodes. */
class ViolationRegisterIT extends ViolationRegisterTest {

  /** What {@link #findingsRecordedTogetherGiveEachItsOwnRecordAuditRecordAndNotice} runs on MariaDB. */
  @Test
  void onMariaDbFindingsOfOneTransactionAreLookedUpAndInsertedWithJsonTableStatements(
      @Autowired Violations violations) {
    assertThat(violations.inJsonRows()).isTrue();
  }
}
