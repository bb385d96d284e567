package cn.govshare.supervision;

import java.util.List;

/** One table of the supervision page, exactly as shown and as exported (CSV, Excel). */
record SupervisionTable(String name, String title, List<String> headers, List<List<Object>> rows) {

  SupervisionTable {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
  }
}
