package cn.govshare.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.web.util.HtmlUtils;

/**
 * The evaluation as Excel (.xlsx, Apache POI) and as a printable HTML page (Chinese, print CSS): one row per
 * department, one column per figure, each value linked to the records it came from.
 */
final class EvaluationExport {

  private EvaluationExport() {
  }

  /** Figure key to label, in the order the figures first appear. */
  private static Map<String, String> columns(EvaluationView view) {
    Map<String, String> columns = new LinkedHashMap<>();
    view.rows().forEach(r -> r.figures().forEach(f -> columns.putIfAbsent(f.key(), f.label())));
    return columns;
  }

  private static EvaluationFigure figure(EvaluationView.Row row, String key) {
    return row.figures().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }

  static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  static String stateText(EvaluationView view) {
    if (view.state() == EvaluationState.PUBLISHED) {
      return "已公布";
    }
    return view.provisional() ? "暂定（按当前记录计算，未经审核）" : "待监督审核";
  }

  /** {@code base}: the absolute address evidence links start from (http://host:port). */
  static byte[] xlsx(EvaluationView view, String base) {
    Map<String, String> columns = columns(view);
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(view.year() + "年度评估");
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle link = book.createCellStyle();
      Font linkFont = book.createFont();
      linkFont.setUnderline(Font.U_SINGLE);
      linkFont.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
      link.setFont(linkFont);
      Row title = sheet.createRow(0);
      title.createCell(0).setCellValue(view.year() + " 年度政务信息资源共享工作评估（" + stateText(view) + "）");
      title.getCell(0).setCellStyle(bold);
      Row header = sheet.createRow(2);
      int c = 0;
      for (String text : List.of("部门代码", "部门", "自评报告提交时间")) {
        header.createCell(c++).setCellValue(text);
      }
      for (String label : columns.values()) {
        header.createCell(c++).setCellValue(label);
      }
      header.forEach(cell -> cell.setCellStyle(bold));
      int r = 3;
      for (EvaluationView.Row row : view.rows()) {
        Row line = sheet.createRow(r++);
        line.createCell(0).setCellValue(row.department());
        line.createCell(1).setCellValue(row.departmentName());
        line.createCell(2).setCellValue(row.reportSubmittedAt() == null ? "未提交" : row.reportSubmittedAt().toString());
        int col = 3;
        for (String key : columns.keySet()) {
          EvaluationFigure figure = figure(row, key);
          Cell cell = line.createCell(col++);
          if (figure != null) {
            cell.setCellValue(figure.value().doubleValue());
            Hyperlink hyperlink = book.getCreationHelper().createHyperlink(HyperlinkType.URL);
            hyperlink.setAddress(base + figure.evidence());
            cell.setHyperlink(hyperlink);
            cell.setCellStyle(link);
          }
        }
      }
      Row remarks = sheet.createRow(r + 1);
      remarks.createCell(0).setCellValue("评估意见：" + (view.remarks() == null ? "" : view.remarks()));
      for (int i = 0; i < columns.size() + 3; i++) {
        sheet.setColumnWidth(i, 16 * 256);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String html(EvaluationView view) {
    Map<String, String> columns = columns(view);
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8">
        <title>%d 年度政务信息资源共享工作评估</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
          h1 { font-size: 1.4em; } table { border-collapse: collapse; width: 100%%; font-size: 0.9em; }
          th, td { border: 1px solid #999; padding: 4px 6px; text-align: right; }
          th:nth-child(-n+3), td:nth-child(-n+3) { text-align: left; } th { background: #eee; }
          a { color: inherit; } .meta { margin: 0.5em 0 1em; }
          @media print { @page { size: A4 landscape; margin: 12mm; } body { margin: 0; } a { text-decoration: none; }
            .noprint { display: none; } }
        </style></head><body>
        """.formatted(view.year()));
    html.append("<h1>").append(view.year()).append(" 年度政务信息资源共享工作评估</h1>")
        .append("<p class=\"meta\">状态：").append(esc(stateText(view)));
    if (view.reportDueDate() != null) {
      html.append("；自评报告截止：").append(view.reportDueDate()).append("（").append(esc(view.reportDueCitation()))
          .append("）");
    }
    if (view.publishedAt() != null) {
      html.append("；公布时间：").append(view.publishedAt());
    }
    html.append("</p><p class=\"noprint\"><a href=\"/api/evaluations/").append(view.year())
        .append(".xlsx\">导出 Excel</a> · <a href=\"javascript:window.print()\">打印</a></p><table><thead><tr>")
        .append("<th>部门代码</th><th>部门</th><th>自评报告</th>");
    columns.values().forEach(label -> html.append("<th>").append(esc(label)).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (EvaluationView.Row row : view.rows()) {
      html.append("<tr><td>").append(esc(row.department())).append("</td><td>").append(esc(row.departmentName()))
          .append("</td><td>").append(row.reportSubmittedAt() == null ? "未提交" : "已提交").append("</td>");
      for (String key : columns.keySet()) {
        EvaluationFigure figure = figure(row, key);
        html.append("<td>");
        if (figure != null) {
          html.append("<a href=\"").append(esc(figure.evidence())).append("\">").append(number(figure.value()))
              .append("</a>");
        }
        html.append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    if (view.remarks() != null) {
      html.append("<h2>评估意见</h2><p>").append(esc(view.remarks())).append("</p>");
    }
    html.append("<p class=\"meta\">每项数据链接到其来源记录；比率为 0 至 1 的小数，工作日按国务院办公厅节假日安排计算。</p>")
        .append("</body></html>");
    return html.toString();
  }

  private static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
