package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DataCallWriterTest} in the integration run, which uses MariaDB (.ci/run): there the writer takes MyBatis'
 * batch executor path (counters upserted in one statement, the audit records' instant bound as itself) and looks up
 * a batch's grants in one static JSON_TABLE statement, which the embedded H2 never takes.
 */
@GovShareTest
class DataCallWriterIT extends DataCallWriterTest {

  @Test
  void onMariaDbABatchsGrantsAreLookedUpInTheStaticStatement() {
    ApiClient.as(port, "operator").get("/api/grants/check?dept=wtest6&resource=FR-001&purpose=WORK_REFERENCE");
    assertThat(writer.writesOnOwnConnections()).isTrue();
    assertThat(writer.looksUpInJsonRows()).isTrue();
  }

  /**
   * A schema whose gs_grant does not have the collation docs/operations.md creates it with: the database refuses the
   * JSON_TABLE lookup, and the writer keeps to the other form, every call still judged on its own grants.
   */
  @Test
  void aGrantTableOfAnotherCollationKeepsTheLookupToItsOtherForm() {
    grants.issue("wtest7", "FR-001", List.of(), Purpose.WORK_REFERENCE, null, Grants.SOURCE_REQUEST, "WRITER-TEST-7");
    String collation = sql.queryForObject("SELECT COLLATION_NAME FROM information_schema.COLUMNS"
        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'gs_grant' AND COLUMN_NAME = 'department'", String.class);
    sql.execute("ALTER TABLE gs_grant MODIFY department VARCHAR(32) COLLATE utf8mb4_general_ci NOT NULL");
    writer.stop();
    writer.start();
    try {
      ApiClient operator = ApiClient.as(port, "operator");
      assertThat(operator.get("/api/grants/check?dept=wtest7&resource=FR-001&purpose=WORK_REFERENCE").json()
          .path("allowed").asBoolean()).isTrue();
      assertThat(operator.get("/api/grants/check?dept=wtest8&resource=FR-001&purpose=WORK_REFERENCE").json()
          .path("allowed").asBoolean()).isFalse();
      assertThat(writer.looksUpInJsonRows()).isFalse();
    } finally {
      sql.execute("ALTER TABLE gs_grant MODIFY department VARCHAR(32) COLLATE " + collation + " NOT NULL");
      writer.stop();
      writer.start();
    }
  }
}
