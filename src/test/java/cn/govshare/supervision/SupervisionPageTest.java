package cn.govshare.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.evaluation.EvaluationFigure;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Base64;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The supervision page's API and exports: the same rows as JSON, CSV and Excel, for supervisors and the office. */
@GovShareTest
class SupervisionPageTest {

  @LocalServerPort
  int port;

  @Autowired
  SupervisionFigures figures;

  @Test
  void theTablesAnswerSupervisorsAndTheOfficeOnlyAndExportTheSameRows() throws Exception {
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    long id = RectificationOrderTest.recordRefusal(supervisor, "scjgj", "导出测试：拒绝共享法人信息");

    assertThat(ApiClient.as(port, "scjgj-reviewer").get("/api/supervision/violations").status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "gaj-head").get("/api/supervision/deadlines.csv").status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "office").get("/api/supervision/orders").status()).isEqualTo(200);

    String filter = "?dept=scjgj&state=REFUSAL_WITHOUT_GROUNDS";
    ApiClient.Response json = supervisor.get("/api/supervision/violations" + filter);
    assertThat(json.status()).as(json.toString()).isEqualTo(200);
    assertThat(json.json().path("rows")).anyMatch(r -> r.get(0).asLong() == id
        && r.get(1).asText().equals("市市场监管局") && r.get(5).asText().contains("导出测试"));

    ApiClient.Response csv = supervisor.get("/api/supervision/violations.csv" + filter);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.text()).startsWith("\uFEFF\"编号\",\"部门\",\"违规情形\"").contains("\"" + id + "\"", "导出测试");

    byte[] xlsx = download("supervisor", "/api/supervision/violations.xlsx" + filter);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("违规情形");
      assertThat(sheet.getLastRowNum()).isEqualTo(json.json().path("rows").size());
      assertThat(csv.text().split("\r\n")).hasSize(json.json().path("rows").size() + 1);
    }
  }

  @Test
  void badFiltersAreRefusedNamingTheField() {
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    assertField(supervisor.get("/api/supervision/deadlines?state=LOST"), "state");
    assertField(supervisor.get("/api/supervision/violations?state=THEFT"), "state");
    assertField(supervisor.get("/api/supervision/orders?from=2025-10-10&to=2025-10-01"), "from");
    assertThat(supervisor.get("/api/supervision/deadlines?from=yesterday").status()).isEqualTo(400);
    assertThat(supervisor.get("/api/supervision/secrets").status()).isEqualTo(404);
  }

  @Test
  void thePageAnswersAtItsFolderAndItsChartLibraryComesFromTheApplication() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/supervision/")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("政务信息资源共享监督", "/webjars/echarts/5.3.1/dist/echarts.min.js")
        .doesNotContain("cdn", "://");
    HttpResponse<Void> echarts = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/webjars/echarts/5.3.1/dist/echarts.min.js")).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(echarts.statusCode()).isEqualTo(200);
  }

  @Test
  void everyEvaluationFigureCountsExactlyTheRecordsItLinksTo() {
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    RectificationOrderTest.recordRefusal(supervisor, "rsj", "评估测试");
    int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
    List<EvaluationFigure> rsj = figures.figures(year).stream().filter(f -> f.departmentId().equals("rsj")).toList();
    assertThat(rsj).extracting(EvaluationFigure::key).contains("violations.count",
        "violations.byKind.REFUSAL_WITHOUT_GROUNDS");
    for (EvaluationFigure figure : rsj) {
      if (figure.key().startsWith("violations.")) {
        int listed = supervisor.get(figure.evidence()).json().size();
        assertThat(figure.value().intValue()).as(figure.key()).isEqualTo(listed);
      }
    }
  }

  private static void assertField(ApiClient.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.text()).contains(field);
  }

  /** The workbook as a browser downloads it (Accept: any). */
  private byte[] download(String user, String path) throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + port + path)).header("Authorization", "Basic " + basic).header("Accept", "*/*").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    return response.body();
  }
}
