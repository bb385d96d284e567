package cn.govshare.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision page's tables as JSON, CSV and Excel, with the same filters: {@code GET
 * /api/supervision/deadlines|violations|orders[.csv|.xlsx]?dept=&state=&from=&to=}.
 */
@Tag(name = "监督", description = "监督页的数据和导出（超期、违规、整改）")
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

  static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final SupervisionTables tables;

  SupervisionController(SupervisionTables tables) {
    this.tables = tables;
  }

  @Operation(operationId = "getSupervisionTable", summary = "监督页表格：期限、违规或整改记录")
  @GetMapping("/{table:[a-z]+}")
  SupervisionTable json(Caller caller, @PathVariable String table, @RequestParam(required = false) String dept,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return tables.table(caller, table, new SupervisionTables.Filter(dept, state, from, to));
  }

  @Operation(operationId = "exportSupervisionTable", summary = "导出监督页表格（CSV 或 Excel）")
  @GetMapping("/{table:[a-z]+}.{format:csv|xlsx}")
  ResponseEntity<byte[]> export(Caller caller, @PathVariable String table, @PathVariable String format,
      @RequestParam(required = false) String dept, @RequestParam(required = false) String state,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    SupervisionTable shown = json(caller, table, dept, state, from, to);
    return "csv".equals(format)
        ? file(TableExport.csv(shown), new MediaType("text", "csv", StandardCharsets.UTF_8), shown, format)
        : file(TableExport.xlsx(shown), XLSX, shown, format);
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, SupervisionTable table, String extension) {
    ContentDisposition disposition = ContentDisposition.attachment()
        .filename(table.title() + "." + extension, StandardCharsets.UTF_8).build();
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .body(body);
  }
}
