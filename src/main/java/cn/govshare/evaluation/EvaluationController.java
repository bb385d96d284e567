package cn.govshare.evaluation;

import cn.govshare.org.Caller;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** R28: the yearly evaluation (docs/supervision-evaluation.md). */
@RestController
@RequestMapping("/api/evaluations")
class EvaluationController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final EvaluationReports reports;

  EvaluationController(EvaluationReports reports) {
    this.reports = reports;
  }

  record PublishInput(String remarks) {
  }

  @GetMapping("/{year}")
  EvaluationView year(Caller caller, @PathVariable String year) {
    return reports.view(caller, reports.year(year));
  }

  @GetMapping("/{year}.xlsx")
  ResponseEntity<byte[]> xlsx(Caller caller, @PathVariable String year) {
    EvaluationView view = reports.view(caller, reports.year(year));
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("evaluation-" + view.year() + ".xlsx").build().toString())
        .body(EvaluationExport.xlsx(view, base));
  }

  /** The printable page (Chinese, print CSS); /evaluation/index.html?year= forwards here. */
  @GetMapping("/{year}.html")
  ResponseEntity<String> html(Caller caller, @PathVariable String year) {
    EvaluationView view = reports.view(caller, reports.year(year));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(EvaluationExport.html(view));
  }

  @GetMapping("/{year}/evidence/{department}/{key}")
  List<?> evidence(Caller caller, @PathVariable String year, @PathVariable String department,
      @PathVariable String key) {
    return reports.evidence(caller, reports.year(year), department, key);
  }

  /** Recomputes a year whose figures are stored and lists every figure that came out differently. */
  @GetMapping("/{year}/recompute")
  EvaluationReports.Recomputation recompute(Caller caller, @PathVariable String year) {
    return reports.recompute(caller, reports.year(year));
  }

  @PostMapping("/{year}/publish")
  EvaluationView publish(Caller caller, @PathVariable String year, @RequestBody(required = false) PublishInput input) {
    return reports.publish(caller, reports.year(year), input == null ? null : input.remarks());
  }
}
