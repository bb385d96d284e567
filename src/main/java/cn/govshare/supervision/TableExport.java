package cn.govshare.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a supervision table as CSV (UTF-8 with BOM, so Excel reads Chinese) or as an Excel workbook (POI). */
final class TableExport {

  private static final String BOM = "\uFEFF";

  private TableExport() {
  }

  static byte[] csv(SupervisionTable table) {
    StringBuilder out = new StringBuilder(BOM);
    out.append(line(table.headers()));
    for (List<Object> row : table.rows()) {
      out.append(line(row));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(SupervisionTable table) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(table.title());
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int c = 0; c < table.headers().size(); c++) {
        header.createCell(c).setCellValue(table.headers().get(c));
        header.getCell(c).setCellStyle(bold);
        sheet.setColumnWidth(c, 18 * 256);
      }
      for (int r = 0; r < table.rows().size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> values = table.rows().get(r);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value instanceof Number number) {
            row.createCell(c).setCellValue(number.doubleValue());
          } else {
            row.createCell(c).setCellValue(value == null ? "" : value.toString());
          }
        }
      }
      sheet.createFreezePane(0, 1);
      workbook.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(List<?> values) {
    return values.stream().map(TableExport::field).collect(Collectors.joining(",")) + "\r\n";
  }

  /** RFC 4180 quoting; a text that a spreadsheet would run as a formula is kept as text. */
  private static String field(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
