package cn.govshare.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "年度评估", description = "年度共享工作评估（R28）")
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

  @Operation(operationId = "getEvaluation", summary = "某年度各部门评估数据（公布前仅监督人员、办公厅和本部门可看）")
  @GetMapping("/{year}")
  EvaluationView year(Caller caller, @PathVariable String year) {
    return reports.view(caller, reports.year(year));
  }

  @Operation(operationId = "exportEvaluationXlsx", summary = "导出某年度评估（Excel）")
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
  @Operation(operationId = "printEvaluation", summary = "某年度评估的打印页")
  @GetMapping("/{year}.html")
  ResponseEntity<String> html(Caller caller, @PathVariable String year) {
    EvaluationView view = reports.view(caller, reports.year(year));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(EvaluationExport.html(view));
  }

  @Operation(operationId = "getEvaluationEvidence", summary = "评估数据的来源记录")
  @GetMapping("/{year}/evidence/{department}/{key}")
  List<?> evidence(Caller caller, @PathVariable String year, @PathVariable String department,
      @PathVariable String key) {
    return reports.evidence(caller, reports.year(year), department, key);
  }

  /** Recomputes a year whose figures are stored and lists every figure that came out differently. */
  @Operation(operationId = "recomputeEvaluation", summary = "重新计算某年度评估并与已公布数据比对")
  @GetMapping("/{year}/recompute")
  EvaluationReports.Recomputation recompute(Caller caller, @PathVariable String year) {
    return reports.recompute(caller, reports.year(year));
  }

  @Operation(operationId = "publishEvaluation", summary = "公布某年度评估（监督人员）")
  @PostMapping("/{year}/publish")
  EvaluationView publish(Caller caller, @PathVariable String year, @RequestBody(required = false) PublishInput input) {
    return reports.publish(caller, reports.year(year), input == null ? null : input.remarks());
  }
}
